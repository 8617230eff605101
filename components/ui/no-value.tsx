/** An empty cell: a dash for the eye, "none" for screen readers. */
export function NoValue() {
  return (
    <>
      <span aria-hidden className="text-slate-400">—</span>
      <span className="sr-only">none</span>
    </>
  );
}
