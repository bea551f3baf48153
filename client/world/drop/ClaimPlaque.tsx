import { type ThreeEvent, useThree } from "@react-three/fiber";
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { BoxGeometry, CylinderGeometry, type Mesh, MeshStandardMaterial, PlaneGeometry } from "three";
import { isActionable } from "../../ui/drops/claimState.ts";
import { claimWords } from "../../ui/drops/claimWords.ts";
import { useClaimControl } from "../../ui/drops/useClaimControl.ts";
import { CANVAS_FONTS, fontsReadyFor } from "../fonts.ts";
import { plaqueRegistry } from "./dropSceneHook.ts";
import { createPlaqueTexture, PLAQUE_CANVAS, paintPlaque } from "./plaqueTexture.ts";

const WIDTH = 0.78;
const HEIGHT = (WIDTH * PLAQUE_CANVAS.height) / PLAQUE_CANVAS.width;
/** Centre of the plaque: in front of the pedestal, at hand height, tilted back towards the viewer. */
const POSITION: [number, number, number] = [0, 0.5, 0.95];
/** The stand stops under the plaque's lower edge, behind its face. */
const POST_HEIGHT = POSITION[1] - 0.12;
const TILT = -0.42;

/**
 * The claim button inside the scene: a lacquered plaque on a brass stand in front of the pedestal.
 * Clicking it does exactly what the panel's button does (same state, same request); the panel stays
 * the accessible way to claim.
 */
export function ClaimPlaque({ dropId, onSignIn }: { dropId: string; onSignIn: () => void }) {
  const { t } = useTranslation();
  const control = useClaimControl(dropId, onSignIn);
  const words = claimWords(control.state, t, control.remaining, control.serverNowMs);
  const active = (isActionable(control.state) || control.state.kind === "signIn") && !control.busy;
  // The control changes every second; the mesh only needs the latest action when pressed.
  const act = useRef(control.act);
  act.current = control.act;
  const press = useCallback(() => act.current(), []);
  return <PlaqueMesh action={words.action} detail={words.detail} active={active} onPress={press} />;
}

type PlaqueMeshProps = { action: string; detail: string; active: boolean; onPress: () => void };

/** The plaque itself; re-renders (and so redraws, when rendering on demand) only when its words change. */
const PlaqueMesh = memo(function PlaqueMesh({ action, detail, active, onPress }: PlaqueMeshProps) {
  const words = { action, detail };
  const [hovered, setHovered] = useState(false);
  const face = useRef<Mesh>(null);
  const invalidate = useThree((s) => s.invalidate);
  const res = useMemo(() => {
    const { texture, canvas } = createPlaqueTexture();
    return {
      texture,
      canvas,
      face: new PlaneGeometry(WIDTH, HEIGHT),
      frame: new BoxGeometry(WIDTH + 0.04, HEIGHT + 0.04, 0.025),
      post: new CylinderGeometry(0.012, 0.018, POST_HEIGHT, 16),
      faceMaterial: new MeshStandardMaterial({
        map: texture,
        emissiveMap: texture,
        emissive: "#ffffff",
        emissiveIntensity: 0.55,
        roughness: 0.35,
        metalness: 0.1,
      }),
      brass: new MeshStandardMaterial({ color: "#c8a361", roughness: 0.25, metalness: 0.95 }),
    };
  }, []);
  useEffect(
    () => () => {
      for (const d of Object.values(res)) if ("dispose" in d) d.dispose();
    },
    [res],
  );

  useEffect(() => {
    let cancelled = false;
    const paint = () => {
      if (cancelled) return;
      paintPlaque(res.canvas, { title: words.action, detail: words.detail, active });
      res.texture.needsUpdate = true;
      invalidate(); // when rendering on demand, a repainted plaque is a reason to draw
    };
    paint();
    plaqueRegistry.glyphsReady = false;
    // The bundled faces, and the CJK slices its words need, may arrive after the first paint.
    void fontsReadyFor(CANVAS_FONTS, `${words.action}${words.detail}`.toLocaleUpperCase()).then((ready) => {
      paint();
      if (!cancelled) plaqueRegistry.glyphsReady = ready;
    });
    return () => {
      cancelled = true;
    };
  }, [res, words.action, words.detail, active, invalidate]);

  useEffect(() => {
    plaqueRegistry.mesh = face.current;
    plaqueRegistry.action = words.action;
    plaqueRegistry.active = active;
  }, [words.action, active]);
  useEffect(
    () => () => {
      plaqueRegistry.mesh = null;
    },
    [],
  );
  useEffect(() => {
    document.body.style.cursor = hovered && active ? "pointer" : "";
    res.faceMaterial.emissiveIntensity = hovered && active ? 0.8 : 0.55;
    invalidate();
  }, [hovered, active, res, invalidate]);
  useEffect(
    () => () => {
      document.body.style.cursor = "";
    },
    [],
  );

  const onClick = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    if (active) onPress();
  };
  return (
    <group>
      <mesh geometry={res.post} material={res.brass} position={[0, POST_HEIGHT / 2, POSITION[2] - 0.04]} />
      <group position={POSITION} rotation={[TILT, 0, 0]} scale={hovered && active ? 1.03 : 1}>
        <mesh geometry={res.frame} material={res.brass} position={[0, 0, -0.014]} />
        {/* biome-ignore lint/a11y/noStaticElementInteractions: a three.js mesh; the panel has the accessible button */}
        <mesh
          ref={face}
          geometry={res.face}
          material={res.faceMaterial}
          onClick={onClick}
          onPointerOver={(e) => {
            e.stopPropagation();
            setHovered(true);
          }}
          onPointerOut={() => setHovered(false)}
        />
      </group>
    </group>
  );
});
