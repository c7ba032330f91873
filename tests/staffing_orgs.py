"""The hand-checked pair of models of the staffing tests: a rename (a to apex), a unit
that keeps its id under a new name (a1), a merge (b and c into bc), a split (d into d1
and d2), an abolished unit (e), a new one (f), a section with no division above it (s),
half posts, and posts of two funds.

Posts, before: hq 3, a 3, a1 2, b 2, c 2, d 4.5, e 1, s 1 (18.5);
after: hq 3, apex 4, a1 2, bc 3, d1 2.5, d2 2, f 3, s 1.5 (21).
"""

from __future__ import annotations

OLD = """
version: 1
organization: {name: Agency}
units:
  - id: hq
    name: Headquarters
    level: organization
    posts: {USG: 1, GS-5: 2}
    units:
      - id: a
        name: Alpha Division
        level: division
        posts: {D-1: 1, P-4: 2}
        units:
          - {id: a1, name: Alpha Section, level: section, posts: {P-3: 1, GS-4: 1}}
      - {id: b, name: Beta Division, level: division, posts: {P-5: 1, P-3: 1}}
      - {id: c, name: Gamma Division, level: division, posts: {P-4: 1, GS-5: 1}}
      - {id: d, name: Delta Division, level: division, posts: {D-1: 1, P-4: 2, GS-4: 1.5}}
      - {id: e, name: Epsilon Division, level: division, posts: {P-2: 1}}
      - {id: s, name: Staff Section, level: section, posts: {P-3: 1}}
"""

NEW = """
version: 1
organization: {name: Agency}
units:
  - id: hq
    name: Headquarters
    level: organization
    posts: {USG: 1, GS-5: 2}
    units:
      - id: apex
        name: Apex Division
        level: division
        formerly: a
        posts: {D-1: 1, P-4: 3}
        units:
          - {id: a1, name: Apex Section, level: section, posts: {P-3: 1, GS-4: 1}}
      - id: bc
        name: Beta-Gamma Division
        level: division
        formerly: [b, c]
        posts: {P-5: 1, P-4: 1, P-3: 1}
      - id: d1
        name: Delta One
        level: division
        formerly: d
        posts: {D-1: 1, P-4: 1, GS-4: 0.5}
      - id: d2
        name: Delta Two
        level: division
        formerly: d
        posts:
          - {grade: P-4, count: 1, fund: XB}
          - {grade: P-3, count: 1, fund: RB}
      - {id: f, name: Foxtrot Division, level: division, posts: {P-3: 2, GS-5: 1}}
      - {id: s, name: Staff Section, level: section, posts: {P-3: 1, P-2: 0.5}}
"""

#: The grade columns of the pair, in the UN table's order.
GRADES = ["USG", "D-1", "P-5", "P-4", "P-3", "P-2", "GS-5", "GS-4"]
