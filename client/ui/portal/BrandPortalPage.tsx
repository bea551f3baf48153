/** The brand portal (`/brand`): placeholder until the brand-upload work lands. */
export default function BrandPortalPage() {
  return <main className="page" />;
}
