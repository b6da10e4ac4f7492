"""The curation lint: facts whose fields disagree with the cue words of their sentence.

``passage`` finds a cited quote's sentence in its source and the cues in it;
``rules`` checks one fact and one of its references against that sentence (and
the store as a whole for contradictions); ``run`` loads a store, applies each
fact's reasoned exceptions and returns the findings with their file and line.
"""
