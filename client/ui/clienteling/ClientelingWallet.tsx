import "./clienteling.css";
import { useState } from "react";
import { AppointmentsSection } from "./AppointmentsSection.tsx";
import { ConsentSection } from "./ConsentSection.tsx";

/** The wallet's clienteling part: consent with each maison, booking an advisor, the appointments. */
export function ClientelingWallet() {
  const [version, setVersion] = useState(0);
  return (
    <>
      <AppointmentsSection version={version} />
      <ConsentSection onBooked={() => setVersion((v) => v + 1)} />
    </>
  );
}
