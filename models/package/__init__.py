"""The signed assessment package (``*.merit``), specified in ``docs/package-format.md``;
these modules are its reference implementation.

A package is a ZIP holding ``manifest.json`` (everything about the assessment, every
file's size and SHA-256), ``manifest.json.minisig`` (a minisign signature by the office
key over the exact manifest bytes), ``certificate.json`` (the office certificate issued
by the province) and the evidence files under ``evidence/<item>/``.

One module per job; import each name from the module that owns it (nothing is
re-exported here):

``format``         names, limits, reason codes and their sentences, errors, ``VerifyReport``
``write``          the manifest of a finalized assessment; prepare, sign and write (export)
``container``      the ZIP container: structural checks, bounded reads, the hashing reader
``verify``         manifest, signature, certificate, files, recomputed scores: ``verify_package``
``inspect``        what a package says about itself, nothing trusted: ``inspect_package``
``read_evidence``  the evidence files streamed out of a verified package
"""
