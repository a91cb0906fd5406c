#!/bin/sh
# Debian packages the build and the tests need. Installed when missing and run as root;
# otherwise the missing ones are named so a person can install them.
#   fonts-dejavu-core, libpango: the flyers (WeasyPrint); poppler-utils, zbar-tools: flyer tests;
#   chromium: browser tests; nodejs, npm: axe-core for accessibility tests;
#   default-jre-headless: Java for the Nu Html Checker (vnu-jar, valid HTML test);
#   zim-tools: zimwriterfs makes the guide's Kiwix files, zimcheck checks them (docs/offline.md);
#   graphviz: `dot`, which draws the guided path for review (make que-paso-graph, docs/que-paso.md);
#   faketime: runs the tests with the clock moved, to prove they pass on any day (docs/architecture.md);
#   nginx, apache2-bin, media-types: the hosting test serves the site as docs/hosting.md says
#   (apache2-bin is Apache's program and modules without a service of its own; media-types its
#   /etc/mime.types). In a container apt starts no service; elsewhere nginx's package starts one.
PACKAGES="fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 poppler-utils zbar-tools chromium graphviz faketime zim-tools nginx apache2-bin media-types"
# Node may come from elsewhere than Debian (it does on this project's machines): ask for the command.
command -v npm >/dev/null 2>&1 || PACKAGES="$PACKAGES nodejs npm"
command -v java >/dev/null 2>&1 || PACKAGES="$PACKAGES default-jre-headless"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ]; then
  echo "installing Debian packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $missing >/dev/null \
    || { echo "sysdeps: could not install$missing; install them by hand (apt-get install$missing)"; exit 1; }
else
  echo "sysdeps: missing Debian packages:$missing. Ask an administrator to run: sudo apt-get install$missing"
  exit 1
fi
