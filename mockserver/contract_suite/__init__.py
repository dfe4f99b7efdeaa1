"""The features' step definitions and the pytest plugin that runs them against any endpoint.

Shipped in the package (it needs the ``contract-test`` extra: pytest, pytest-bdd, zeep) so that
``mockserver contract-test --target-url URL`` runs the specification from an installed wheel; the
repository's test suite binds the same steps through :mod:`mockserver.contract_suite.plugin`.
"""
