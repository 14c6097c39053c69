import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAccount, createMember } from "@/modules/demo";
import { createOrganization, renameOrganization, slugify } from "./service";

describe("organisation slugs", () => {
  it("are readable, made from the name", () => {
    expect(slugify("Acme Insurance (UK)")).toBe("acme-insurance-uk");
    expect(slugify("  Société Générale — Risk  ")).toBe("societe-generale-risk");
    expect(slugify("???")).toBe("organisation");
    expect(slugify("x".repeat(100))).toHaveLength(48);
  });

  it("are unique: the same name gets -2, -3", async () => {
    const owner = await createAccount({ organizationName: "Northwind Traders" });
    expect(owner.organizationSlug).toBe("northwind-traders");
    const second = await createOrganization(owner.userId, { name: "Northwind Traders" });
    const third = await createOrganization(owner.userId, { name: "Northwind  Traders!" });
    expect([second.slug, third.slug]).toEqual(["northwind-traders-2", "northwind-traders-3"]);
  });

  it("an owner renames the organisation and changes its slug", async () => {
    const owner = await createAccount({ organizationName: "Contoso Bank" });
    const { slug } = await renameOrganization(owner, { name: "Contoso Retail Bank", slug: "contoso-retail" });
    expect(slug).toBe("contoso-retail");
    const org = await db.organization.findUniqueOrThrow({ where: { id: owner.organizationId } });
    expect(org).toMatchObject({ name: "Contoso Retail Bank", slug: "contoso-retail" });
  });

  it("renaming without a slug keeps the URLs", async () => {
    const owner = await createAccount({ organizationName: "Fabrikam" });
    await renameOrganization(owner, { name: "Fabrikam Group" });
    const org = await db.organization.findUniqueOrThrow({ where: { id: owner.organizationId } });
    expect(org).toMatchObject({ name: "Fabrikam Group", slug: "fabrikam" });
  });

  it("refuses a slug another organisation uses, or a malformed one, on the slug field, changing nothing", async () => {
    await createAccount({ organizationName: "Tailspin Toys" });
    const owner = await createAccount({ organizationName: "Wingtip Toys" });
    await expect(renameOrganization(owner, { name: "Wingtip", slug: "tailspin-toys" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { slug: [expect.stringContaining("already uses")] },
    });
    for (const slug of ["Has Spaces", "-leading", "trailing-", "a", "x".repeat(65), "nul\u0000byte"]) {
      await expect(renameOrganization(owner, { name: "Wingtip", slug })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        fieldErrors: { slug: expect.any(Array) },
      });
    }
    const org = await db.organization.findUniqueOrThrow({ where: { id: owner.organizationId } });
    expect(org).toMatchObject({ name: "Wingtip Toys", slug: "wingtip-toys" });
  });

  it("only an owner may rename", async () => {
    const owner = await createAccount();
    const admin = await createMember(owner, "ADMIN");
    await expect(renameOrganization(admin, { name: "Taken over", slug: "taken" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
