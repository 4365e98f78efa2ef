#!/usr/bin/env python3
"""Builds the template fixture papers: one LaTeX source per publisher template, compiled with TeX Live, and the
expected structure of each (title, abstract start, top-level sections, reference count), known by construction.

    python3 make.py          # needs pdflatex and the classes (Debian: texlive-publishers, texlive-latex-extra,
                             # texlive-science, texlive-fonts-recommended, cm-super)

Writes <id>.pdf and expected.json next to this script. The text is generated from a fixed seed, so rebuilding gives
the same structure.
"""
import json
import os
import random
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

WORDS = ("model data training evaluation retrieval transformer baseline corpus annotation benchmark accuracy "
         "representation embedding objective gradient dataset sample error variance ablation pipeline inference "
         "attention encoder decoder classifier regression distribution signal feature latent prior posterior "
         "generalization robustness efficiency scaling protocol measurement hypothesis experiment analysis").split()
VERBS = "improves reduces explains predicts captures increases controls limits shapes drives".split()

TOPICS = [
    ("Sparse Retrieval Improves Few-Shot Summarization in Low-Resource Languages", "summarization"),
    ("Calibrated Uncertainty for Graph Neural Networks under Distribution Shift", "graph learning"),
    ("A Benchmark for Reproducible Hyperparameter Search in Tabular Learning", "tabular learning"),
    ("Contrastive Pretraining of Protein Language Models with Structural Hints", "protein modeling"),
    ("Energy-Efficient Inference for Vision Transformers on Edge Devices", "efficient vision"),
    ("Measuring Annotation Disagreement in Toxic Speech Datasets", "annotation"),
    ("Curriculum Learning for Robotic Grasping from Simulated Demonstrations", "robot learning"),
    ("Scaling Laws for Retrieval-Augmented Code Generation", "code generation"),
    ("Fair Ranking with Partial Group Labels in Recommender Systems", "fair ranking"),
    ("Physics-Informed Priors for Weather Nowcasting with Diffusion Models", "weather nowcasting"),
    ("Detecting Label Noise in Medical Image Segmentation Benchmarks", "medical segmentation"),
    ("Compositional Generalization in Semantic Parsing with Neural Grammars", "semantic parsing"),
    ("Privacy Accounting for Federated Fine-Tuning of Language Models", "federated learning"),
]

SECTIONS = [
    ("Introduction", []),
    ("Related Work", []),
    ("Method", ["Problem Setup", "Training Objective"]),
    ("Experiments", ["Datasets", "Baselines"]),
    ("Results", []),
    ("Conclusion", []),
]


def sentence(rnd, topic):
    words = [rnd.choice(WORDS) for _ in range(rnd.randint(9, 16))]
    words.insert(rnd.randint(1, 4), rnd.choice(VERBS))
    if rnd.random() < 0.4:
        words.insert(rnd.randint(0, len(words)), topic)
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rnd, topic, n=5):
    return " ".join(sentence(rnd, topic) for _ in range(n))


def body(rnd, topic, refs, numbered_cite=True):
    out = []
    for title, subsections in SECTIONS:
        out.append("\\section{%s}" % title)
        for p in range(2):
            cite = "~\\cite{ref%d}" % rnd.randint(1, refs)
            out.append(paragraph(rnd, topic) + cite + " " + paragraph(rnd, topic, 3) + "\n")
        for sub in subsections:
            out.append("\\subsection{%s}" % sub)
            out.append(paragraph(rnd, topic, 4) + "\n")
    return "\n".join(out)


def bibliography(rnd, refs):
    items = []
    for i in range(1, refs + 1):
        authors = "%s and %s" % (rnd.choice(["A. Smith", "B. Chen", "C. Okafor", "D. Novak", "E. Tanaka"]),
                                  rnd.choice(["F. Garcia", "G. Rossi", "H. Kim", "I. Ivanova", "J. Dubois"]))
        title = " ".join(rnd.choice(WORDS) for _ in range(6)).capitalize()
        items.append("\\bibitem{ref%d} %s. %s. \\emph{Proceedings of the Conference on %s}, pages %d--%d, %d."
                     % (i, authors, title, rnd.choice(WORDS).capitalize(), 10 + i, 20 + i, 2015 + i % 9))
    return "\\begin{thebibliography}{99}\n" + "\n".join(items) + "\n\\end{thebibliography}\n"


def acm(fmt):
    def make(title, abstract, text, bib):
        return ("\\documentclass[%s]{acmart}\n\\settopmatter{printacmref=false}\n\\setcopyright{none}\n"
                "\\renewcommand\\footnotetextcopyrightpermission[1]{}\n\\pagestyle{plain}\n"
                "\\begin{document}\n\\title{%s}\n\\author{Ada Lovelace}\n\\affiliation{\\institution{Analytical "
                "Engines Lab}\\city{London}\\country{UK}}\n\\author{Alan Turing}\n\\affiliation{\\institution{"
                "Bletchley Institute}\\city{Milton Keynes}\\country{UK}}\n\\begin{abstract}\n%s\n\\end{abstract}\n"
                "\\maketitle\n%s\n%s\\end{document}\n") % (fmt, title, abstract, text, bib)
    return make


def ieee(option):
    def make(title, abstract, text, bib):
        return ("\\documentclass[%s]{IEEEtran}\n\\begin{document}\n\\title{%s}\n\\author{\\IEEEauthorblockN{Grace "
                "Hopper}\\IEEEauthorblockA{Navy Research Lab\\\\Arlington, USA}\\and\\IEEEauthorblockN{John von "
                "Neumann}\\IEEEauthorblockA{Institute for Advanced Study\\\\Princeton, USA}}\n\\maketitle\n"
                "\\begin{abstract}\n%s\n\\end{abstract}\n%s\n%s\\end{document}\n") % (option, title, abstract,
                                                                                      text, bib)
    return make


def llncs(title, abstract, text, bib):
    return ("\\documentclass{llncs}\n\\begin{document}\n\\title{%s}\n\\author{Emmy Noether\\inst{1} \\and David "
            "Hilbert\\inst{2}}\n\\institute{University of Erlangen, Germany \\and University of G\\\"ottingen, "
            "Germany}\n\\maketitle\n\\begin{abstract}\n%s\n\\keywords{learning \\and evaluation}\n"
            "\\end{abstract}\n%s\n%s\\end{document}\n") % (title, abstract, text, bib)


def elsevier(option):
    def make(title, abstract, text, bib):
        return ("\\documentclass[%s]{elsarticle}\n\\begin{document}\n\\begin{frontmatter}\n\\title{%s}\n"
                "\\author{Rosalind Franklin}\n\\address{King's College, London, UK}\n\\begin{abstract}\n%s\n"
                "\\end{abstract}\n\\begin{keyword}\nlearning \\sep evaluation\n\\end{keyword}\n\\end{frontmatter}\n"
                "%s\n%s\\end{document}\n") % (option, title, abstract, text, bib)
    return make


def jmlr(title, abstract, text, bib):
    return ("\\documentclass[pmlr]{jmlr}\n\\title{%s}\n\\author{\\Name{Claude Shannon} \\Email{claude@bell.example}"
            "\\\\ \\addr Bell Laboratories, Murray Hill, USA}\n\\begin{document}\n\\maketitle\n\\begin{abstract}\n"
            "%s\n\\end{abstract}\n%s\n%s\\end{document}\n") % (title, abstract, text, bib)


def amsart(title, abstract, text, bib):
    return ("\\documentclass{amsart}\n\\begin{document}\n\\title{%s}\n\\author{Sofia Kovalevskaya}\n\\address{"
            "Stockholm University, Sweden}\n\\begin{abstract}\n%s\n\\end{abstract}\n\\maketitle\n%s\n%s"
            "\\end{document}\n") % (title, abstract, text, bib)


def revtex(title, abstract, text, bib):
    return ("\\documentclass[aps,prl,twocolumn,nofootinbib]{revtex4-2}\n\\begin{document}\n\\title{%s}\n\\author{"
            "Lise Meitner}\n\\affiliation{Kaiser Wilhelm Institute, Berlin, Germany}\n\\begin{abstract}\n%s\n"
            "\\end{abstract}\n\\maketitle\n%s\n%s\\end{document}\n") % (title, abstract, text, bib)


def preprint(columns, stamp):
    def make(title, abstract, text, bib):
        stamp_tex = ("\\usepackage{eso-pic}\\usepackage{graphicx}\\usepackage{xcolor}\n\\AddToShipoutPictureBG*{"
                     "\\AtPageLowerLeft{\\put(25,230){\\rotatebox{90}{\\fontsize{20}{24}\\selectfont\\color{gray}"
                     "arXiv:2412.01234v2  [cs.LG]  3 Dec 2024}}}}\n") if stamp else ""
        return ("\\documentclass[%s]{article}\n\\usepackage[margin=1in]{geometry}\n\\usepackage{times}\n%s"
                "\\title{%s}\n\\author{Marie Curie\\\\Sorbonne University \\and Pierre Curie\\\\ESPCI Paris}\n"
                "\\date{}\n\\begin{document}\n\\maketitle\n\\begin{abstract}\n%s\n\\end{abstract}\n%s\n%s"
                "\\end{document}\n") % (columns, stamp_tex, title, abstract, text, bib)
    return make


PAPERS = [
    ("acm-sigconf", acm("sigconf"), "ACM acmart sigconf (two columns)"),
    ("acm-acmsmall", acm("acmsmall"), "ACM acmart acmsmall (single column journal)"),
    ("acm-manuscript", acm("manuscript"), "ACM acmart manuscript (single column, review)"),
    ("ieee-conference", ieee("conference"), "IEEEtran conference"),
    ("ieee-journal", ieee("journal"), "IEEEtran journal"),
    ("springer-llncs", llncs, "Springer LNCS (llncs)"),
    ("elsevier-preprint", elsevier("preprint,12pt"), "Elsevier elsarticle preprint"),
    ("elsevier-3p", elsevier("3p,twocolumn"), "Elsevier elsarticle 3p two columns"),
    ("jmlr-pmlr", jmlr, "JMLR / PMLR (jmlr class)"),
    ("ams-amsart", amsart, "AMS amsart"),
    ("aps-revtex", revtex, "APS REVTeX 4.2 (PRL, two columns)"),
    ("arxiv-twocolumn-stamp", preprint("twocolumn", True), "arXiv preprint, two columns, margin stamp"),
    ("preprint-onecolumn", preprint("", False), "preprint in the NeurIPS/ICML manner (article, one column)"),
]


def main():
    expected = {}
    for index, (pid, make, template) in enumerate(PAPERS):
        rnd = random.Random(1000 + index)
        title, topic = TOPICS[index]
        refs = 12 + index % 5
        abstract = paragraph(rnd, topic, 6)
        tex = make(title, abstract, body(rnd, topic, refs), bibliography(rnd, refs))
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, "paper.tex"), "w") as f:
                f.write(tex)
            for _ in range(2):
                run = subprocess.run(["pdflatex", "-interaction=nonstopmode", "paper.tex"], cwd=tmp,
                                     capture_output=True, text=True)
            if not os.path.exists(os.path.join(tmp, "paper.pdf")):
                raise SystemExit(pid + ": pdflatex failed\n" + run.stdout[-3000:])
            shutil.copy(os.path.join(tmp, "paper.pdf"), os.path.join(HERE, pid + ".pdf"))
        expected[pid] = {"template": template, "title": title, "abstractStart": " ".join(abstract.split()[:8]),
                         "sections": [s for s, _ in SECTIONS], "references": refs}
        print("built", pid)
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
