#!/usr/bin/env bash
# One command from a fresh Debian 12 machine: install the packages, build, and extract samples/.
set -euo pipefail
cd "$(dirname "$0")"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
packages=$(grep -v '^#' scripts/debian-packages.txt | tr '\n' ' ')
missing=$(dpkg-query -W -f='${Package} ${Status}\n' $packages 2>/dev/null | grep -vc 'install ok installed' || true)
if [ "$missing" != "0" ] || ! dpkg-query -W $packages >/dev/null 2>&1; then
  $sudo apt-get update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $packages
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKGBUILD_DEVELOPER_MODE=ON
cmake --build build -j"$(nproc)"
./build/kgbuild extract samples/ -o graph.ttl
echo "wrote graph.ttl"
