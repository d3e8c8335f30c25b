"""Walk docs/deployment.md on a fresh Debian 12 with systemd, as a new office would.

Every ``sh`` block of the Indonesian part (langkah 1–8) is run, in order and as written, by
the user ``admin`` (with sudo) over ssh in a virtual machine made for the walk: debootstrap
of Debian 12, booted by qemu (software emulation unless ``--kvm``). Only what a person
would type differently is replaced, and each replacement is printed: the ``nano`` edit of
the config (done with sed), the office's own Google key and Drive folder (a local folder
stands in, through rclone's local backend), and the mail server (aiosmtpd on the machine
stands in for the office relay). After the timer step and the Drive step it checks what an
administrator would look at: the timer listed, the service run succeeded, the mails arrived,
the log lines in the office's time zone, the Google shortcut reported.

    sudo .venv/bin/python deploy/walkthrough/walk.py        # about 30 min without KVM
    sudo .venv/bin/python deploy/walkthrough/walk.py --ca /usr/local/share/ca-certificates/proxy.crt

Needs root, debootstrap, qemu-system-x86, qemu-utils and network access to Debian and PyPI
(installed with apt-get when missing). Logs of each step go to ``--workdir``. This is a
maintainer's check of the document, not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "deployment.md"
SSH_PORT = 2222
HOST_PACKAGES = ["debootstrap", "qemu-system-x86", "qemu-utils", "e2fsprogs", "openssh-client"]
GUEST_PACKAGES = "systemd-sysv,dbus,linux-image-amd64,systemd-resolved,openssh-server,ca-certificates,sudo"

# what a person types in `sudo nano /etc/zi-auditor/config.yaml` (langkah 3), as sed
EDIT_CONFIG = r"""sudo sed -i \
  -e 's|^office: .*|office: KPU Kabupaten Contoh|' \
  -e 's|^evidence_root: .*|evidence_root: /srv/zi|' \
  -e 's|^timezone: .*|timezone: Asia/Makassar|' \
  -e 's|^reports_dir: .*|reports_dir: /var/lib/zi-auditor/reports|' \
  -e 's|^state_dir: .*|state_dir: /var/lib/zi-auditor/state|' \
  -e 's|^corrections: .*|corrections: /var/lib/zi-auditor/corrections.yaml|' \
  -e 's|^# rules: .*|rules: [rules/kantor.yaml]|' \
  -e 's|^  host: smtp.*|  host: 127.0.0.1|' -e 's|^  port: 587|  port: 2525|' \
  -e 's|^  security: starttls|  security: none|' -e '/^  user: zi-auditor/d' \
  /etc/zi-auditor/config.yaml"""

# the office's Drive folder, key and remote: a local folder through rclone's local backend
DRIVE_STAND_IN = r"""sudo cp -a /srv/zi /srv/drive-kantor
printf '{"url": "https://docs.google.com/document/d/x"}\n' | sudo tee "/srv/drive-kantor/Rapat Juli.gdoc" >/dev/null
printf '[zi-drive]\ntype = local\n' | sudo tee /etc/zi-auditor/rclone.conf >/dev/null
echo 'ZI_DRIVE_REMOTE=zi-drive:/srv/drive-kantor' | sudo tee -a /etc/zi-auditor/env >/dev/null"""


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def run(*cmd: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, **kwargs)


def doc_blocks() -> list[str]:
    """The sh blocks of the Indonesian part, in order, with their list indentation removed."""
    indonesian = DOC.read_text(encoding="utf-8").split("\n# English")[0]
    blocks = []
    for match in re.finditer(r"^( *)```sh\n(.*?)^ *```", indonesian, re.S | re.M):
        indent = len(match.group(1))
        blocks.append("".join(line[indent:] if line[:indent].isspace() else line
                              for line in match.group(2).splitlines(keepends=True)))
    return blocks


class Machine:
    def __init__(self, work: Path, kvm: bool) -> None:
        self.work, self.kvm = work, kvm
        self.key = work / "key"
        self.proc: subprocess.Popen | None = None

    def build(self) -> None:
        rootfs, base = self.work / "rootfs", self.work / "base.img"
        if not base.exists():
            if rootfs.exists():
                shutil.rmtree(rootfs)
            log("debootstrap Debian 12 (bookworm)")
            run("debootstrap", f"--include={GUEST_PACKAGES}", "bookworm", str(rootfs),
                "http://deb.debian.org/debian", stdout=subprocess.DEVNULL)
            (rootfs / "etc" / "hostname").write_text("zi-server\n")
            (rootfs / "etc" / "fstab").write_text("/dev/vda / ext4 defaults 0 1\n")
            (rootfs / "etc/systemd/network/10-en.network").write_text(
                "[Match]\nName=en* eth*\n[Network]\nDHCP=yes\n")
            if not self.key.exists():
                run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(self.key))
            run("chroot", str(rootfs), "sh", "-c",
                "useradd -m -s /bin/bash -G sudo admin && "
                "echo 'admin ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/admin && "
                "systemctl enable systemd-networkd systemd-resolved >/dev/null 2>&1 && "
                "install -d -o admin -g admin -m 700 /home/admin/.ssh")
            shutil.copy(f"{self.key}.pub", rootfs / "home/admin/.ssh/authorized_keys")
            run("chroot", str(rootfs), "chown", "admin:admin", "/home/admin/.ssh/authorized_keys")
            for name in ("vmlinuz", "initrd.img"):
                shutil.copy(next((rootfs / "boot").glob(f"{name}-*")), self.work / name)
            run("truncate", "-s", "16G", str(base))
            run("mkfs.ext4", "-q", "-d", str(rootfs), str(base))
        disk = self.work / "walk.qcow2"
        disk.unlink(missing_ok=True)
        run("qemu-img", "create", "-q", "-f", "qcow2", "-b", str(base), "-F", "raw", str(disk))

    def boot(self) -> None:
        accel = ["-enable-kvm"] if self.kvm else ["-accel", "tcg,thread=multi", "-cpu", "max"]
        console = open(self.work / "console.log", "wb")  # noqa: SIM115 - lives with the VM
        self.proc = subprocess.Popen(
            ["qemu-system-x86_64", *accel, "-smp", "2", "-m", "6G", "-nographic",
             "-kernel", str(self.work / "vmlinuz"), "-initrd", str(self.work / "initrd.img"),
             "-append", "root=/dev/vda rw console=ttyS0",
             "-drive", f"file={self.work / 'walk.qcow2'},if=virtio,format=qcow2,cache=unsafe",
             "-netdev", f"user,id=n0,hostfwd=tcp:127.0.0.1:{SSH_PORT}-:22",
             "-device", "virtio-net-pci,netdev=n0"],
            stdin=subprocess.DEVNULL, stdout=console, stderr=subprocess.STDOUT)
        log("booting the machine")
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            if self.ssh("systemctl is-system-running --wait >/dev/null 2>&1; true",
                        check=False, quiet=True).returncode == 0:
                log("the machine is up: " + self.ssh("systemctl is-system-running", check=False,
                                                     capture=True).stdout.strip())
                return
            time.sleep(5)
        raise SystemExit("the machine did not come up; see console.log")

    def ssh(self, script: str, *, check: bool = True, quiet: bool = False,
            capture: bool = False, stdin: bytes | None = None) -> subprocess.CompletedProcess:
        cmd = ["ssh", "-q", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
               "-o", "ConnectTimeout=10", "-o", "ServerAliveInterval=30", "-i", str(self.key),
               "-p", str(SSH_PORT), "admin@127.0.0.1"]
        if stdin is not None:  # ``script`` is one command reading ``stdin``
            return subprocess.run([*cmd, script], input=stdin, check=check, capture_output=True)
        if capture:
            return subprocess.run([*cmd, "bash -s"], input=script, check=check, text=True,
                                  capture_output=True)
        out = subprocess.DEVNULL if quiet else None
        return subprocess.run([*cmd, "bash -s"], input=script, check=check, text=True,
                              stdout=out, stderr=out)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.ssh("sudo systemctl poweroff", check=False, quiet=True)
            try:
                self.proc.wait(120)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def step(machine: Machine, work: Path, name: str, script: str) -> None:
    log(f"== {name}")
    logfile = work / f"{name}.log"
    with open(logfile, "w", encoding="utf-8") as handle:
        handle.write(script + "\n----\n")
        handle.flush()
        done = subprocess.run(
            ["ssh", "-q", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
             "-o", "ServerAliveInterval=30", "-i", str(machine.key), "-p", str(SSH_PORT),
             "admin@127.0.0.1", "bash -ex -s"], input=script, text=True,
            stdout=handle, stderr=subprocess.STDOUT)
    tail = logfile.read_text(encoding="utf-8").splitlines()[-6:]
    for line in tail:
        print("   " + line[:200])
    if done.returncode != 0:
        raise SystemExit(f"step '{name}' failed (exit {done.returncode}); see {logfile}")


def check(machine: Machine, what: str, script: str, expect: str) -> None:
    out = machine.ssh(script, check=False, capture=True).stdout
    if expect not in out:
        raise SystemExit(f"check failed: {what}: expected {expect!r} in:\n{out}")
    log(f"ok: {what}")


def plan_docx(path: Path) -> None:
    """The office's plan as a DOCX (the seed plan's table), written with the tests' writer."""
    sys.path.insert(0, str(REPO / "tests"))
    from rules.conftest import write_docx

    write_docx(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", default="/var/tmp/zi-walk", type=Path)
    parser.add_argument("--kvm", action="store_true", help="use KVM (when nested KVM works)")
    parser.add_argument("--ca", action="append", default=[], type=Path,
                        help="a proxy's CA certificate the machine must trust (langkah 1)")
    parser.add_argument("--keep", action="store_true", help="leave the machine running")
    args = parser.parse_args()
    if os.geteuid() != 0:
        raise SystemExit("run as root (debootstrap, qemu)")
    missing = [p for p in HOST_PACKAGES if subprocess.run(
        ["dpkg-query", "-W", p], capture_output=True).returncode]
    if missing:
        run("apt-get", "install", "-y", "-q", *missing, stdout=subprocess.DEVNULL)
    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", SSH_PORT)) == 0:
            raise SystemExit(f"port {SSH_PORT} is taken: another walk still running?")
    blocks = doc_blocks()
    log(f"{len(blocks)} sh blocks in the Indonesian part of {DOC.relative_to(REPO)}")
    machine = Machine(work, args.kvm)
    machine.build()
    machine.boot()
    try:
        walk(machine, work, blocks, args.ca)
    finally:
        if not args.keep:
            machine.stop()
    log("the document was walked through: every step ran as written")
    return 0


def walk(machine: Machine, work: Path, blocks: list[str], cas: list[Path]) -> None:
    # the folder where zi-auditor was opened: the repository as committed
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--prefix=zi-auditor/", "HEAD"],
                             check=True, capture_output=True).stdout
    machine.ssh("tar xf - -C ~", stdin=archive)
    plan = work / "rencana-aksi.docx"
    plan_docx(plan)
    machine.ssh("cat > ~/rencana-aksi.docx", stdin=plan.read_bytes())
    machine.ssh("echo '{}' > ~/kunci-service-account.json")
    for ca in cas:  # langkah 1: a proxy that inspects HTTPS
        machine.ssh(f"sudo tee /usr/local/share/ca-certificates/{ca.name} >/dev/null",
                    stdin=ca.read_bytes())
    if cas:
        step(machine, work, "00-proxy-ca", "sudo update-ca-certificates\n"
             "printf '[global]\\ncert = /etc/ssl/certs/ca-certificates.crt\\n' | "
             "sudo tee /etc/pip.conf")
    # the office's evidence share, mounted
    step(machine, work, "00-share", "sudo cp -a ~/zi-auditor/sample_evidence /srv/zi && "
         "sudo chown -R root:root /srv/zi && sudo chmod -R a+rX /srv/zi")

    for number, block in enumerate(blocks, 1):
        script = block
        if "cp -a . /opt/zi-auditor" in script:
            script = "cd ~/zi-auditor\n" + script
        if "sudo nano /etc/zi-auditor/config.yaml" in script:
            print("   (the nano edit is done with sed: office, evidence_root, timezone WITA, "
                  "folders, rules, the stand-in mail relay)")
            script = script.replace("sudo nano /etc/zi-auditor/config.yaml", EDIT_CONFIG)
        if "ID_FOLDER" in script:
            print("   (after the doc's remote, a local folder stands in for the Drive)")
            script = script + DRIVE_STAND_IN + "\n"
        step(machine, work, f"{number:02d}", script)
        if "scripts/setup.sh" in block:
            step(machine, work, f"{number:02d}-mail-relay",
                 "sudo systemd-run --unit=kantor-smtp /opt/zi-auditor/.venv/bin/python -m "
                 "aiosmtpd -n -l 127.0.0.1:2525\nsleep 3\nsystemctl is-active kantor-smtp")
        if "config timer" in block:
            check(machine, "the timer is listed", "systemctl list-timers zi-auditor-scan.timer",
                  "zi-auditor-scan.service")
            check(machine, "the timer fires at 02:00 WITA",
                  "cat /etc/systemd/system/zi-auditor-scan.timer", "02:00:00 Asia/Makassar")
            check(machine, "the run by hand succeeded",
                  "systemctl show -p Result zi-auditor-scan.service", "Result=success")
            check(machine, "every Tim lead and the coordinator got mail",
                  "n=$(sudo journalctl -u kantor-smtp | grep -c ' To: ')\n"
                  "[ \"$n\" -ge 7 ] && echo \"$n mails\"", " mails")
            check(machine, "log lines in the office's time zone",
                  "sudo tail -1 /var/lib/zi-auditor/state/logs/zi-auditor.log", "WITA")
        if "deploy/zi-auditor /usr/local/bin" in block:
            check(machine, "commands typed on the server run as the service user",
                  "zi-auditor review list; sudo stat -c %U /var/lib/zi-auditor/state",
                  "zi-auditor")
        if "zi-auditor-drive-sync" in block and "install" in block:
            step(machine, work, f"{number:02d}-drive-config",
                 "sudo sed -i 's|^evidence_root: .*|evidence_root: /srv/zi-drive|' "
                 "/etc/zi-auditor/config.yaml\nsudo systemctl start zi-auditor-scan.service")
            check(machine, "the Drive copy and its audit succeeded",
                  "systemctl show -p Result zi-auditor-scan.service", "Result=success")
            check(machine, "the Google shortcut is reported with its advice",
                  "sudo sh -c \"grep -l 'Rapat Juli.gdoc.*ekspor ke PDF/DOCX' "
                  "/var/lib/zi-auditor/reports/*/gap-report.md\"", "gap-report.md")


if __name__ == "__main__":
    sys.exit(main())
