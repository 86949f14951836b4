import { MemberList } from '@/features/members/member-list';

export default function Page() {
  return <MemberList />;
}
