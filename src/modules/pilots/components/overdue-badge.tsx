import { Badge } from "@/components/ui/card";

/** The target production date has passed and the pilot is not in production: said in words, not colour alone. */
export function OverdueBadge() {
  return (
    <Badge className="gap-1 bg-red-50 text-red-800 ring-red-300">
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        className="h-3 w-3"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.75"
      >
        <circle cx="8" cy="8" r="6.25" />
        <path d="M8 4.5V8l2.5 1.5" strokeLinecap="round" />
      </svg>
      Overdue
    </Badge>
  );
}
