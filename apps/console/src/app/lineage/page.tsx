import { LineageGraph } from '@/features/catalog/lineage-graph';

export default function Page() {
  return <LineageGraph />;
}
