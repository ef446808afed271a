"""The rich-text tree (refmanager/render/richtext.py): trees are shared between
renderings, so the functions that change one give a copy."""

from refmanager.render.richtext import Rich, capitalize_leading_term, to_plain


def test_a_leading_term_is_capitalized_in_a_copy_and_the_tree_stays_as_it_was():
    # A note citation of a work without author opens with the term "anonymous".
    term = Rich(["anonymous"], term=True)
    tree = Rich([Rich([term, ", "]), "Title"])
    changed = capitalize_leading_term(tree)
    assert to_plain(changed) == "Anonymous, Title"
    assert to_plain(tree) == "anonymous, Title"
    assert term.children == ["anonymous"]


def test_a_leading_text_that_is_not_a_term_is_left_as_it_is():
    tree = Rich([Rich(["anonymous"]), ", ", Rich(["ibid."], term=True)])
    assert capitalize_leading_term(tree) is tree
