#!/usr/bin/env bash
# Fails when a dependency, for any feature of any workspace crate, declares a `rust-version`
# above ours (`[workspace.package] rust-version` in Cargo.toml).
#
# No toolchain of our `rust-version` is available where this project is built and tested (only
# the current stable), so the MSRV is not checked by compiling with it. It is checked here, by the dependencies' own
# metadata (what `Cargo.lock` resolves to with `--all-features`, dev-dependencies included, so
# that the test suite could run on that toolchain too), and for our own code by clippy's
# `incompatible_msrv` lint (on by default, `-D warnings` in `.ci/run`), which rejects std APIs
# stabilized after our `rust-version`.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo metadata --format-version 1 --all-features --locked | node -e '
const metadata = JSON.parse(require("fs").readFileSync(0, "utf8"));
const parse = (v) => v.split(".").map(Number).concat([0, 0, 0]).slice(0, 3);
const compare = (a, b) => {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
};
const members = new Set(metadata.workspace_members);
const ours = [...new Set(metadata.packages
  .filter((p) => members.has(p.id)).map((p) => p.rust_version))];
if (ours.length !== 1 || ours[0] === null) {
  console.error(`workspace crates must share one rust-version, found: ${ours.join(", ")}`);
  process.exit(1);
}
const msrv = parse(ours[0]);
const above = metadata.packages
  .filter((p) => !members.has(p.id) && p.rust_version && compare(parse(p.rust_version), msrv) > 0)
  .map((p) => `${p.name} ${p.version} needs rust ${p.rust_version}`);
const highest = metadata.packages
  .filter((p) => !members.has(p.id) && p.rust_version)
  .reduce((a, p) => (a && compare(parse(a.rust_version), parse(p.rust_version)) >= 0 ? a : p), null);
if (above.length > 0) {
  console.error(`rust-version is ${ours[0]}, but:\n  ${above.join("\n  ")}`);
  console.error("raise rust-version in Cargo.toml (and the README), or pin those dependencies lower");
  process.exit(1);
}
console.log(`rust-version ${ours[0]}: no dependency needs more (highest: ${highest.name} ${highest.version}, ${highest.rust_version})`);
'
