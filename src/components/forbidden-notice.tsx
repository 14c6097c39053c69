import { EmptyState } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";

export function ForbiddenNotice({ what, back }: { what: string; back: string }) {
  return (
    <EmptyState
      title="You can't do this with your role"
      action={
        <ButtonLink href={back} variant="secondary">
          Go back
        </ButtonLink>
      }
    >
      {what} Ask an admin of this organisation if you need it.
    </EmptyState>
  );
}
