/** A drop's page (`/drops/:dropId`): placeholder until the drop room work lands. */
export default function DropPage(_props: { dropId: string }) {
  return <main className="page" />;
}
