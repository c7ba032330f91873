"""The hand-checked organizations of the cascade and figures tests."""

from __future__ import annotations

# root (boss) > div (dir) > br (chief) > sec (clerk, spare); root > quiet (loner); root > empty
#
# d3 (no group) A boss, R sec + clerk, C div
# d1 (group g2) A boss, R div + clerk, I board
# d2 (group g1) A dir,  R br, C div, I board       -> not cascaded: nobody in br is R
# d4 (group g1) A boss, R empty                     -> empty has no posts: never fires
# d5 (group g1) A boss, R div, I quiet              -> not cascaded: nobody in div is R
SMALL = """
version: 1
organization:
  name: {en: Small, zh: 小组织}
units:
  - id: root
    level: organization
    head: boss
    units:
      - id: div
        level: division
        head: dir
        units:
          - id: br
            level: branch
            head: chief
            units:
              - id: sec
                level: section
      - id: quiet
        level: division
      - id: empty
        level: division
positions:
  - {id: boss, title: Boss, unit: root}
  - {id: dir, title: Director, unit: div}
  - {id: chief, title: Chief, unit: br}
  - {id: clerk, title: {en: Clerk, zh: 文员}, unit: sec, holder: Ann Lee}
  - {id: spare, title: Spare post, unit: sec, vacant: true}
  - {id: loner, title: Loner, unit: quiet}
external:
  - id: board
    name: Board
groups:
  - id: g1
    name: First group
  - id: g2
    name: Second group
deliverables:
  - id: d3
    raci: {A: boss, R: [sec, clerk], C: [div]}
  - id: d1
    group: g2
    raci: {A: boss, R: [div, clerk], I: [board]}
  - id: d2
    group: g1
    raci: {A: dir, R: [br], C: [div], I: [board]}
  - id: d4
    group: g1
    raci: {A: boss, R: [empty]}
  - id: d5
    group: g1
    raci: {A: boss, R: [div], I: [quiet]}
"""
