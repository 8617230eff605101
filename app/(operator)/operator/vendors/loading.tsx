import { TableSkeleton } from "@/components/ui/table-skeleton";

export default function LoadingVendors() {
  return <TableSkeleton label="Loading vendors" tall />;
}
