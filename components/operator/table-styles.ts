// The console's table cells, one look for every list on it.
export const headerCell = "px-2.5 py-2 text-left align-bottom text-xs font-semibold text-slate-600";
export const cell = "px-2.5 py-2 align-top";
