"use client";

// A labelled search field and its Search button, as a search landmark. The caller keeps the
// typed text and decides what a search does (usually: put it in the address).
import { useId, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

type SearchBoxProps = {
  /** The search landmark's name. */
  name: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  onSearch: () => void;
  pending: boolean;
  /** Shown after the button inside the form, e.g. a loading status. */
  children?: ReactNode;
};

export function SearchBox({ name, label, placeholder, value, onChange, onSearch, pending, children }: SearchBoxProps) {
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch();
  };
  return (
    <form role="search" aria-label={name} onSubmit={submit} className="flex items-end gap-2">
      <div>
        <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
          {label}
        </label>
        <input
          id={id}
          type="search"
          value={value}
          maxLength={200}
          onChange={(event) => onChange(event.target.value)}
          placeholder={placeholder}
          className="block w-72 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        Search
      </Button>
      {children}
    </form>
  );
}
