"""Reading and writing bibliography files: a subpackage per format.

`bibtex/` (BibTeX and BibLaTeX), `ris/` and `csljson/` each hold their format's
reader and writer; `base` the pieces writers share, `files` safe reading and
atomic writing, `formats` the registry of readers and writers (entry points) and
format detection. Format-neutral text handling lives outside `io/`: rich text in
`refmanager.richtext`, LaTeX in `refmanager.latex`, dates in `refmanager.dates`.
"""
