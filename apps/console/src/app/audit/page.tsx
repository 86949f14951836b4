import { AuditLog } from '@/features/audit/audit-log';

export default function Page() {
  return <AuditLog />;
}
