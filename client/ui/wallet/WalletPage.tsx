/** The wallet (`/wallet`): placeholder until the passes work lands. */
export default function WalletPage() {
  return <main className="page" />;
}
