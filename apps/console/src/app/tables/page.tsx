import { TableList } from '@/features/catalog/table-list';

export default function Page() {
  return <TableList />;
}
