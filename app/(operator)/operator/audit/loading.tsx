import { TableSkeleton } from "@/components/ui/table-skeleton";

export default function LoadingAuditLog() {
  return <TableSkeleton label="Loading the audit log" tall />;
}
