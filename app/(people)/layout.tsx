import type { ReactNode } from "react";
import { PersonHeader } from "@/components/launch/person-header";
import { requirePerson } from "@/lib/auth/person-session";

export default async function PeopleLayout({ children }: { children: ReactNode }) {
  const person = await requirePerson();
  return (
    <>
      <PersonHeader personName={`${person.givenName} ${person.familyName}`.trim()} districtName={person.districtName} />
      <main className="mx-auto max-w-5xl px-6 py-8">{children}</main>
    </>
  );
}
