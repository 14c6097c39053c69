import { redirectToLastOrg } from "@/modules/access";

export default async function Home() {
  return redirectToLastOrg();
}
