import { ConnectionList } from '@/features/connections/connection-list';

export default function Page() {
  return <ConnectionList />;
}
