"""The signed assessment package (``*.merit``), specified in ``docs/package-format.md``;
these modules are its reference implementation.

A package (format 2) is a canonical ZIP holding ``manifest.json`` (everything about the
assessment, every file's size and SHA-256), ``certificate.json`` (the office certificate
issued by the province) and the evidence files under ``evidence/<item>/``; its archive
comment is a minisign signature by the office key over every byte before it.

One module per job; import each name from the module that owns it (nothing is
re-exported here):

``format``         names, limits, reason codes and their sentences, errors, ``VerifyReport``
``names``          the name rules (entry names, original names, the viewer's temp name)
``strict_json``    JSON every reader reads the same way (duplicates, NaN, big ints, depth)
``signature``      the whole-file minisign signature, prehashed and streamed
``write``          the manifest of a finalized assessment; prepare, sign and write (export)
``container``      the canonical ZIP: writer, strict bounded reader, read budgets
``verify``         manifest, signature, certificate, files, recomputed scores: ``verify_package``
``inspect``        what a package says about itself, nothing trusted: ``inspect_package``
``read_evidence``  the evidence files streamed out of a verified package
``envelope``       optional encryption of a package to the province key
"""
