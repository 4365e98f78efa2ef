#!/usr/bin/env bash
# A single-node Slurm cluster on this machine for the Slurm sandbox tests: Debian's slurm-wlm, munge
# and slurmrestd, a slurm.conf for this host (its CPUs and memory, no accounting, no cgroups, JWT as
# a second authentication for the REST daemon), and munged, slurmctld, slurmd and slurmrestd
# (127.0.0.1:6820) started. Idempotent: a running cluster is left as it is.
# Prints nothing on success but "[slurm] ..." progress lines on stderr.
set -euo pipefail

log() { echo "[slurm] $*" >&2; }
as_root() { if [ "$(id -u)" = "0" ]; then "$@"; else sudo "$@"; fi; }

install() {
  local missing=()
  for pkg in slurm-wlm munge slurmrestd procps; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
  fi
}

configure() {
  local host cpus mem conf=/etc/slurm/slurm.conf
  host="$(hostname -s)"
  cpus="$(nproc --all)"
  mem="$(awk '/MemTotal/ {print int($2 / 1024 * 0.9)}' /proc/meminfo)"
  as_root mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
  as_root chown slurm:slurm /var/spool/slurmctld /var/log/slurm 2>/dev/null || true
  local want
  want="$(cat <<CONF
# Written by .ci/slurm.sh: one node, this machine.
ClusterName=mlr
SlurmctldHost=${host}
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmdSpoolDir=/var/spool/slurmd
StateSaveLocation=/var/spool/slurmctld
SlurmUser=slurm
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MinJobAge=600
AuthAltTypes=auth/jwt
AuthAltParameters=jwt_key=/var/spool/slurmctld/jwt_hs256.key
KillWait=5
InactiveLimit=0
SlurmctldTimeout=30
SlurmdTimeout=60
NodeName=${host} CPUs=${cpus} RealMemory=${mem} State=UNKNOWN
PartitionName=debug Nodes=${host} Default=YES MaxTime=INFINITE State=UP
CONF
)"
  if [ ! -f "$conf" ] || [ "$(cat "$conf")" != "$want" ]; then
    log "writing $conf (${cpus} CPUs, ${mem} MB)"
    printf '%s\n' "$want" | as_root tee "$conf" >/dev/null
    CHANGED=1
  fi
  if [ ! -f /var/spool/slurmctld/jwt_hs256.key ]; then
    log "creating the JWT key"
    as_root sh -c 'dd if=/dev/urandom of=/var/spool/slurmctld/jwt_hs256.key bs=32 count=1 2>/dev/null'
  fi
  as_root chown slurm:slurm /var/spool/slurmctld/jwt_hs256.key
  as_root chmod 600 /var/spool/slurmctld/jwt_hs256.key
  if [ ! -f /etc/munge/munge.key ]; then
    log "creating the munge key"
    as_root sh -c 'dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key 2>/dev/null'
  fi
  as_root chown munge:munge /etc/munge/munge.key
  as_root chmod 400 /etc/munge/munge.key
  as_root mkdir -p /run/munge
  as_root chown munge:munge /run/munge
}

start() {
  if [ "${CHANGED:-0}" = 1 ] && pgrep -x slurmctld >/dev/null; then
    log "reconfiguring the running cluster"
    as_root scontrol reconfigure || true
  fi
  if ! pgrep -x munged >/dev/null; then
    log "starting munged"
    as_root su -s /bin/sh munge -c '/usr/sbin/munged'
  fi
  if ! pgrep -x slurmctld >/dev/null; then
    log "starting slurmctld"
    as_root /usr/sbin/slurmctld
  fi
  if ! pgrep -x slurmd >/dev/null; then
    log "starting slurmd"
    as_root /usr/sbin/slurmd
  fi
  if ! pgrep -x slurmrestd >/dev/null; then
    # its own unprivileged user (not nobody, the sandbox's user, whose processes the tests count)
    id slurmrestd >/dev/null 2>&1 || as_root useradd --system --no-create-home --shell /usr/sbin/nologin slurmrestd
    log "starting slurmrestd on 127.0.0.1:6820 (JWT)"
    as_root sh -c 'SLURM_JWT=daemon nohup /usr/sbin/slurmrestd -a rest_auth/jwt -s openapi/v0.0.38 \
      -u slurmrestd 127.0.0.1:6820 >/var/log/slurm/slurmrestd.log 2>&1 &'
  fi
  for _ in $(seq 1 60); do
    if sinfo -h -o '%t' 2>/dev/null | grep -qE '^(idle|mix|alloc)' \
        && (exec 3<>/dev/tcp/127.0.0.1/6820) 2>/dev/null; then
      log "cluster up: $(sinfo -h -o '%P %D %t %c CPUs %m MB' | head -1); slurmrestd on 127.0.0.1:6820"
      return
    fi
    if sinfo -h -o '%t' 2>/dev/null | grep -qE '^(down|drain|unk)'; then
      as_root scontrol update NodeName="$(hostname -s)" State=RESUME >/dev/null 2>&1 || true
    fi
    sleep 1
  done
  log "the cluster did not come up; the logs:"
  as_root tail -20 /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log >&2 || true
  exit 1
}

install
configure
start
