import { PoolSettings } from '@/features/pool/pool-settings';

export default function Page() {
  return <PoolSettings />;
}
