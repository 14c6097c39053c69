import { legacyPath, redirectToLastOrg } from "@/modules/access";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The pre-/o/ address: kept so old links and bookmarks land in the last-used organisation. */
export default async function LegacyDashboard({ searchParams }: Props) {
  return redirectToLastOrg(legacyPath("/dashboard", [], await searchParams));
}
