import { Card } from "@/components/ui/card";

/** A figure on a card: a titled section (its heading labels it), an optional line of explanation, the figure. */
export function Panel({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: React.ReactNode;
}) {
  return (
    <Card className="p-4 sm:p-6 print:p-4 print:break-inside-avoid">
      <section aria-labelledby={id}>
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
        <div className="mt-4">{children}</div>
      </section>
    </Card>
  );
}
