import Link from "next/link";
import { SignOutButton } from "@/components/layout/sign-out-button";

type AppHeaderProps = {
  organisation: string;
  userName: string;
  nav: { href: string; label: string }[];
};

export function AppHeader({ organisation, userName, nav }: AppHeaderProps) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center gap-6 px-6 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight text-brand-700">
          Rollcall
        </Link>
        <nav aria-label="Main" className="flex gap-1">
          {nav.map((item) => (
            <Link key={item.href} href={item.href} className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span className="text-slate-600">
            {userName} · <span className="font-medium text-slate-800">{organisation}</span>
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
