import { ConnectionDetail } from '@/features/connections/connection-detail';

export default async function ConnectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ConnectionDetail key={id} connectionId={id} />;
}
