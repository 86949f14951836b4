import { TableDetail } from '@/features/catalog/table-detail';

export default async function TablePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <TableDetail key={id} tableId={id} />;
}
