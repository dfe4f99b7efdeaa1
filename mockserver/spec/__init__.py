"""The living specification: the Gherkin features joined with the contracts, the error catalogues
and the last test run, written as a browsable report (``mockserver spec``).

- :mod:`~mockserver.spec.gherkin` reads feature files (no runtime dependency on pytest-bdd);
- :mod:`~mockserver.spec.results` is the results file the pytest plugin writes (its format);
- :mod:`~mockserver.spec.services` names the services, their contracts and catalogues;
- :mod:`~mockserver.spec.model` joins all of them: per operation and per error, the scenarios;
- :mod:`~mockserver.spec.html_report` and :mod:`~mockserver.spec.markdown_report` render it;
- :mod:`~mockserver.spec.report` writes both files.
"""
