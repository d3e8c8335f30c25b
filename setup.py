"""Builds the one native module: the tree walker's C half (auditor/scan/_fastwalk.c).

Everything else is in pyproject.toml. The module is optional: without a C compiler the
install still succeeds and the walk runs in pure Python, only slower on large trees.
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension("auditor.scan._fastwalk", ["auditor/scan/_fastwalk.c"],
                             optional=True, extra_compile_args=["-O2", "-Wall", "-Wextra"])])
