import { redirect } from "next/navigation";
import { getSignedInUser } from "@/modules/orgs/context";

export default async function Home() {
  redirect((await getSignedInUser()) ? "/dashboard" : "/signin");
}
