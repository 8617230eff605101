import Link from "next/link";
import { MainNav, type NavItem } from "@/components/layout/main-nav";
import { SignOutButton } from "@/components/layout/sign-out-button";

type AppHeaderProps = {
  organisation: string;
  userName: string;
  nav: NavItem[];
};

export function AppHeader({ organisation, userName, nav }: AppHeaderProps) {
  return (
    <header className="border-b border-slate-200 bg-white">
      {/* The navigation has a row of its own, so that long district menus never squeeze their labels. */}
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-1 px-6 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight text-brand-700">
          Rollcall
        </Link>
        <div className="order-last w-full">
          <MainNav items={nav} />
        </div>
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
