"""Real web servers for the hosting test (issue 28): Debian's nginx and Apache on a loopback port,
configured as docs/hosting.md tells a maintainer, serving a copy of the built site.

nginx gets the lines `make headers` prints, pasted inside a `server { }` block; Apache reads the
site's own .htaccess (mod_headers on, `AllowOverride FileInfo`, as the guide says). Run as root,
the servers' workers read the files as another user ('nobody' / 'www-data'), as on a real host.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

NGINX = Path("/usr/sbin/nginx")
APACHE = Path("/usr/sbin/apache2")
APACHE_MODULES = Path("/usr/lib/apache2/modules")
MIME_TYPES = {"nginx": Path("/etc/nginx/mime.types"), "apache": Path("/etc/mime.types")}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def web_root(site: Path) -> Path:
    """A web root as a host has one: a folder everyone may enter, the site copied in with `cp -a
    site/. <root>/` (docs/hosting.md). Under /tmp, so that no 0700 test folder sits above it."""
    root = Path(tempfile.mkdtemp(prefix="derechos-www-"))
    root.chmod(0o755)
    subprocess.run(["cp", "-a", f"{site}/.", f"{root}/"], check=True)
    return root


def nginx_conf(root: Path, work: Path, port: int, headers: str) -> str:
    """A whole nginx.conf whose server block is what docs/hosting.md describes: the web root,
    and the lines `make headers` printed pasted inside it."""
    return f"""daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 64; }}
http {{
    include {MIME_TYPES['nginx']};
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        index index.html;
{headers}
    }}
}}
"""


def apache_conf(root: Path, work: Path, port: int) -> str:
    """The smallest Apache that serves a folder, with mod_headers on and `AllowOverride FileInfo`
    for the web root: the two things docs/hosting.md asks of the administrator."""
    modules = ["mpm_event", "authz_core", "dir", "mime", "headers"]
    user = "User www-data\nGroup www-data\n" if os.geteuid() == 0 else ""
    return "\n".join([
        f"ServerRoot {work}", "ServerName localhost", f"Listen 127.0.0.1:{port}",
        f"PidFile {work}/httpd.pid", f"ErrorLog {work}/error.log", f"Mutex file:{work} default",
        *(f"LoadModule {m}_module {APACHE_MODULES}/mod_{m}.so" for m in modules),
        user, f"TypesConfig {MIME_TYPES['apache']}", "DirectoryIndex index.html",
        f"DocumentRoot {root}",
        "<Directory />", "  AllowOverride None", "  Require all denied", "</Directory>",
        f"<Directory {root}>", "  AllowOverride FileInfo", "  Require all granted", "</Directory>",
    ]) + "\n"


@dataclass
class Host:
    name: str
    url: str            # http://127.0.0.1:<port>
    root: Path
    work: Path
    process: subprocess.Popen

    def log(self) -> str:
        log = self.work / "error.log"
        return log.read_text(encoding="utf-8", errors="replace")[-3000:] if log.exists() else ""


def start(name: str, site: Path, nginx_lines: str = "") -> Host:
    """nginx or Apache serving a copy of `site` on a free loopback port; stop() it afterwards."""
    root, work, port = web_root(site), Path(tempfile.mkdtemp(prefix=f"derechos-{name}-")), free_port()
    work.chmod(0o755)
    if name == "nginx":
        (work / "nginx.conf").write_text(nginx_conf(root, work, port, nginx_lines), encoding="utf-8")
        command = [str(NGINX), "-p", str(work), "-c", str(work / "nginx.conf")]
    else:
        (work / "httpd.conf").write_text(apache_conf(root, work, port), encoding="utf-8")
        command = [str(APACHE), "-f", str(work / "httpd.conf"), "-DFOREGROUND"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    host = Host(name, f"http://127.0.0.1:{port}", root, work, process)
    for _ in range(100):
        if process.poll() is not None:
            output = process.stdout.read() if process.stdout else ""
            stop(host)
            raise RuntimeError(f"{name} did not start:\n{output}\n{host.log()}")
        try:
            urllib.request.urlopen(host.url + "/", timeout=1).close()
            return host
        except urllib.error.HTTPError:
            return host  # it answers, whatever the answer: the tests judge it
        except OSError:
            time.sleep(0.1)
    stop(host)
    raise RuntimeError(f"{name} did not answer on {host.url}:\n{host.log()}")


def stop(host: Host) -> None:
    if host.process.poll() is None:
        host.process.terminate()
        try:
            host.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            host.process.kill()
            host.process.wait()
    shutil.rmtree(host.root, ignore_errors=True)
    shutil.rmtree(host.work, ignore_errors=True)
