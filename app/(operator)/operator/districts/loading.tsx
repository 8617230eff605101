import { TableSkeleton } from "@/components/ui/table-skeleton";

export default function LoadingDistricts() {
  return <TableSkeleton label="Loading districts" tall />;
}
