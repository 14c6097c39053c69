import { legacyPath, redirectToLastOrg } from "@/modules/access";

type Props = {
  params: Promise<{ rest?: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The pre-/o/ addresses: kept so old links and bookmarks land in the last-used organisation. */
export default async function LegacySettings({ params, searchParams }: Props) {
  return redirectToLastOrg(legacyPath("/settings", (await params).rest, await searchParams));
}
