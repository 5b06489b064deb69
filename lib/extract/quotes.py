"""Direct and partial quotes by quote-mark pairing, attributed to speakers by cue patterns around each quote.

The driver of the two jobs: lib.extract.marks pairs the quote marks into spans and drops those that are no one's
words; lib.extract.attribution finds each span's speaker and cue, in the passes its docstring lists, which
extract_quotes runs in order. Short cue-less labels nobody is credited with ("girl next door") are dropped.
Reported speech comes from lib.extract.reported.
"""
from __future__ import annotations

import re
from dataclasses import replace

from lib.domain.languages import language_code
from lib.domain.names import given_name_gender
from lib.domain.sentences import ends_sentence, find_run
from lib.domain.verbs import CUE_CLASS, classify_cue
from lib.extract.attribution import (BEFORE_CLAUSE, CLAUSE_CHARS, _CUE_WORD, _SENTENCE_END, _Attribution, _after_end,
                                     _attribute_after, _attribute_before, _attribution, _clause_person, passive_described,
                                     _clause_start, _closing_attribution, _interviewee, interview_subject, _is_document,
                                     _next_paragraph_attribution, participle_clause, _person_index, _plausible_subject, _quote_only,
                                     _resolve_non_persons, _sentence_subject, _sentence_tail,
                                     _statement_subject)
from lib.extract.foreign import attribute_foreign, has_foreign_cue, reads_foreign, reported_foreign
from lib.extract.marks import (QUOTE_MARKS, _SCARE_WORDS, _Span, _trim, _is_clause, _is_partial, _is_title_or_scare,
                               is_named, is_saying, is_term, is_imagined, is_code, fills_brackets, _word_count,
                               find_spans, mask_annotations, paragraph_spans)
from lib.extract.reported import extract_reported
from lib.extract.speakers import (PRONOUN_GENDERS, _DOCUMENT_FROM as _AUTHORED_DOCUMENT, SUBORDINATORS, PersonIndex,
                                  parse_mention, resolve_mention)
from lib.models import Article, Quote

__all__ = ["extract_quotes", "find_persons"]

_TITLE_LEAD = 40  # characters before a quote searched for a word that makes it a title ("the book", "dubbed")
_LABEL_WORDS = 4  # a cue-less fragment this short may be a label ("girl next door") rather than anyone's words
_SPLIT_GAP = 120  # characters between two spans of one line that still read as one split utterance
_MAIN_SPEAKER_QUOTES = 3  # quotes one person needs for the article to be their profile or interview
_PROFILE_ATTRIBUTIONS = 5  # explicit attributions that make context guesses yield to the profile's subject
_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|being)[^\S\n]+(?:[a-z]+ly[^\S\n]+)?[a-z]+ed\b")  # "are accused"
_TURN_WORDS = 6  # words besides its quotes a dialogue turn holds ("the man asked quietly.")
_LIST_JOIN = re.compile(r"[^\S\n]*(?:,|,?[^\S\n]+(?:and|or))[^\S\n]*")  # between the members of a list of quotes
_RELAY_CUES = frozenset(("reported", "reports", "according to"))  # an outlet passing on words it names a source for
_TITLE_GAP = 80  # characters between a quote and a show's name that may belong to its attribution
# A span in title case, as a show or a work is named ("Meet the Press", "CBS This Morning").
_TITLE_CASE = re.compile(r"[A-Z][\w’'&\-]*(?:[^\S\n]+(?:[A-Z][\w’'&\-]*|of|the|and|a|in|on|for|to)){0,5},?[^\S\n]*")
# The subject of an action beat: a personal pronoun opening a sentence, its verb after it ("I put", "She nodded").
_BEAT_SUBJECT = re.compile(r"[^\S\n]+(?P<subj>I|He|She)[^\S\n]+[a-z]")
# A post quoted whole, as a retweet quotes it: its author's handle and a colon open the quote ("@Telegraph: 140 ...",
# "RT @jdoe: ...").
_QUOTED_POST = re.compile(r"[^\S\n]*(?:RT[^\S\n]+)?(?P<handle>@[A-Za-z\d_]{1,30}):[^\S\n]")


def extract_quotes(article: Article) -> list[Quote]:
    """Direct, partial and reported quotes of an article, with speakers and cues, sorted by start offset."""
    paras = paragraph_spans(article)
    spans = find_spans(article.text, paras)
    text = mask_annotations(article.text, spans)
    persons = _person_index(text, spans)

    kept: list[tuple[_Span, str]] = []  # (span, kind)
    labels: set[int] = set()  # opening marks of short cue-less fragments ("the girl next door" image)
    attrib: dict[int, _Attribution] = {}
    named_close = -1  # closing mark of the last span that names something or gives a sign's words
    for idx, span in enumerate(spans):
        ps, pe = paras[span.para]
        prev_close = _intro_close(text, spans, idx, ps)
        intro_text = text  # the text the intro before the quote is read in
        k = idx
        while k and spans[k - 1].para == span.para and spans[k - 1].open >= prev_close:
            # the names or scare-quoted terms _intro_close passed over: their marks are read as spaces (the text keeps
            # its length)
            k -= 1
            named = spans[k]
            intro_text = f"{intro_text[:named.open]} {intro_text[named.open + 1:named.close]} " \
                         f"{intro_text[named.close + 1:]}"
        before_start = _sentence_tail(text, prev_close, span.open)
        sentence_start = _clause_start(text, ps, span.open, spans)  # the quote's sentence, earlier quotes included
        last_end = paras[span.last_para][1]
        nxt = spans[idx + 1].open if idx + 1 < len(spans) else last_end  # spans are in text order, never overlap
        after_end = min(last_end, nxt) if span.close < last_end else span.close
        content = text[span.start:span.end]
        partial = _is_partial(text, span, before_start, before_start == prev_close > ps)
        found = _attribute_after(text, span.close + 1, _after_end(text, span.close + 1, after_end), span.open)
        if found is None and idx + 1 < len(spans) and spans[idx + 1].para == span.last_para \
                and spans[idx + 1].open - span.close < _TITLE_GAP \
                and _TITLE_CASE.fullmatch(text[spans[idx + 1].start:spans[idx + 1].end]):
            # `"...," "The Nanny" star Fran Drescher said`: a show's name inside the attribution, read without its
            # marks (the text keeps its length, so offsets hold).
            title = spans[idx + 1]
            masked = f"{text[:title.open]} {text[title.open + 1:title.close]} {text[title.close + 1:]}"
            beyond = spans[idx + 2].open if idx + 2 < len(spans) else last_end
            found = _attribute_after(masked, span.close + 1,
                                     _after_end(masked, span.close + 1, min(last_end, beyond)), span.open)
        if found is not None and found.source == "after" and ends_sentence(content) \
                and (text[before_start:span.open].rstrip().endswith(":")
                     or text[span.close + 1:after_end].rstrip().endswith(",") and after_end == nxt):
            # A quote that ends its sentence keeps the intro before it (a colon's quote is never partial):
            # `X told supporters: "...." Y said the count was close.`: the subject and cue after it open a
            # statement of their own; `X asked, "Who?" The crowd answered, "`, `The group said it had "assurances."
            # X said, "`: a subject and cue with a comma right before the next quote introduce that quote.
            intro = _attribute_before(intro_text, sentence_start, span.open, True) if partial \
                else _attribute_before(intro_text, before_start, span.open, False)
            if intro is not None and intro.source in ("before", "clause"):
                found = intro
        if partial and found is not None and found.source == "after" and ends_sentence(content):
            # `X said the union would "not back down." Lee, however, said ...`: the fragment ends its sentence, whose
            # own subject and cue speak; the attribution after it opens the next sentence.
            found = _attribute_before(intro_text, sentence_start, span.open, True) or found
        if found is None and partial or found is not None and found.source in ("after", "later"):
            # `When X said "...," the crowd cheered.`: a quote inside a fronted subordinate clause is the words of
            # that clause's own subject and cue, not of the main clause after it (nor no one's: `Although the
            # committee stated that "...," others ...`).
            opener = re.match(r"\s*([A-Z][a-z]+)[^\S\n]+", text[sentence_start:span.open])
            inner = _attribute_before(intro_text, sentence_start + opener.end(), span.open, True) \
                if opener and opener.group(1) in SUBORDINATORS else None
            if inner is not None and parse_mention(inner.speaker).kind != "unknown" \
                    and (inner.cue or "").lower() in CUE_CLASS \
                    and (found is not None or "," not in text[sentence_start:span.open]):
                # a speech verb (not `When X arrived, "..." Y said`), and with nothing after the quote, the clause
                # running to the quote (not `While X called it "...", Y said it was "`, `After meeting X, Y said "`)
                found = inner
        if found is not None and (found.cue or "").lower() in _RELAY_CUES:
            # `According to Judge X, "...", the Ledger reported`, `X called it a "...", according to NBC`: the outlet
            # relays the words of a source its sentence names before them.
            source = _attribute_before(intro_text, sentence_start, span.open, True)
            if source is not None and ((source.cue or "").lower().startswith("according")
                                       or parse_mention(source.speaker).kind == "person"):
                found = source
        if found is None:
            found = _attribute_before(intro_text, before_start, span.open, False)
        if partial and (found is None or _is_document(found.speaker) or found.source == "later"):
            # A fragment embedded in a sentence: the sentence's own subject and cue, read from its start
            # (`Fauci wrote ... vowing to "get through this," a new report revealed`: Fauci's words, not the report's).
            # A later attribution (`, The Daily News reported`) yields to a speaker and cue before the fragment.
            found = _attribute_before(intro_text, sentence_start, span.open, True) or found
        if found is None:
            # `X ended her speech by saying "..."`: the subject of the clause the participle ends.
            clause = text.rfind("\n", sentence_start, span.open) + 1 or sentence_start  # a subhead line is no part
            m = participle_clause(text[clause:span.open])
            if m:
                found = _attribution(m, clause, "before")
        post = _QUOTED_POST.match(content) if found is None else None
        if post:
            found = _Attribution(post.group("handle"), span.start + post.start("handle"), None,
                                 span.start + post.start("handle"), "before")
        lead = text[max(ps, span.open - _TITLE_LEAD):span.open]
        before = paras[span.para - 1] if span.para else None
        sentence_lead = text[sentence_start:span.open]
        if fills_brackets(text, span) or is_imagined(sentence_lead) or is_code(text, span):
            continue  # a name's gloss or short form in brackets; words imagined, not said; a string of code
        if is_named(lead) or is_saying(sentence_lead) \
                or is_term(lead, content, text[span.close + 1:span.close + 1 + _TITLE_LEAD]) \
                or (before and not lead.strip()
                    and is_named(text[max(before[0], before[1] - _TITLE_LEAD):before[1]])) \
                or named_close >= 0 and text[named_close - 1] not in ".!?" \
                and _LIST_JOIN.fullmatch(text, named_close + 1, span.open):
            # a sign's words or a name (after `signs that read`, `a blog called`, at the end of the paragraph before,
            # or listed with one: `banners that read "A" and "B"`)
            named_close = span.close
            continue
        if _is_title_or_scare(content, partial, found, lead):
            continue
        if partial and found is None and _word_count(content) <= _LABEL_WORDS and not _is_clause(content) \
                and not _CUE_WORD.search(text, sentence_start, label_end := min(
                    pe, _after_end(text, span.close + 1, pe) + 1)) \
                and not has_foreign_cue(text, sentence_start, label_end, article.language):
            labels.add(span.open)  # a short label in a sentence with no speech verb, unless a later pass attributes it
        kind = "partial" if partial else "direct"
        kept.append((span, kind))
        if found is not None:
            attrib[len(kept) - 1] = found

    # Spans of one multi-paragraph quote share the attribution found for any of them.
    index_of = {id(span): i for i, (span, _) in enumerate(kept)}
    utterance = list(range(len(kept)))
    for i, (span, _) in enumerate(kept):
        if span.continues is not None and id(spans[span.continues]) in index_of:
            utterance[i] = utterance[index_of[id(spans[span.continues])]]
    groups: dict[int, list[int]] = {}
    for i, u in enumerate(utterance):
        groups.setdefault(u, []).append(i)
    _share_within_utterances(groups, attrib)

    # Split quotes and continuations inside a paragraph: `"X," he said, "Y."`, `"X" insists Burton. "Y."`
    for i in range(1, len(kept)):
        span, prev = kept[i][0], kept[i - 1][0]
        if span.para != prev.para and not (span.para == prev.para + 1 and span.continues is not None):
            continue
        if i not in attrib and i - 1 in attrib:
            said = attrib[i - 1]
            told = _SENTENCE_END.search(text, max(prev.close, said.cue_start or 0,
                                                  (said.speaker_start or 0) + len(said.speaker or "")),
                                        span.open)  # past the speaker's name ("said Dr. Jo Hale. A nurse ...")
            if told and persons.subject_between(told.end(), span.open):
                continue  # `"A," X said. Y was less impressed. "B."`: a sentence about a person comes between
            attrib[i] = replace(attrib[i - 1], source="inherited")
            between = text[prev.close + 1:span.open]
            if len(between) < _SPLIT_GAP and "\n" not in between:
                utterance[i] = utterance[i - 1]
        elif i in attrib and i - 1 in attrib and attrib[i].cue_start == attrib[i - 1].cue_start:
            utterance[i] = utterance[i - 1]  # the attribution between the two spans of a split quote

    # Fragments of one sentence closed by its attribution: `"A" because of its "B" and because it "C," X said.`: the
    # cue after the last one credits the ones before it in the sentence.
    for i in range(len(kept) - 2, -1, -1):
        span, nxt = kept[i][0], kept[i + 1][0]
        if i in attrib or i + 1 not in attrib or attrib[i + 1].source not in ("after", "later", "inherited") \
                or span.last_para != nxt.para or attrib[i + 1].cue_start < nxt.close:
            continue
        between = text[span.close + 1:nxt.open]
        if "\n" not in between and not _SENTENCE_END.search(text[span.end - 1:nxt.open]):
            attrib[i] = replace(attrib[i + 1], source="inherited")

    # A fragment in a sentence about a person whose verb is no cue (`Rice was to ask the UN to authorize "..."`,
    # `Fauci wrote back, acknowledging the "..."`): the person the sentence is about.
    for i, (span, kind) in enumerate(kept):
        if kind != "partial" or (i in attrib and not _is_document(attrib[i].speaker)):
            continue
        ps, pe = paras[span.para][0], paras[span.last_para][1]
        end = _SENTENCE_END.search(text, span.close + 1, min(pe + 1, span.close + 1 + CLAUSE_CHARS))
        sentence_end = min(end.start() if end else pe, pe)
        clause_start = _clause_start(text, ps, span.open, spans)
        if i in attrib and attrib[i].cue_start is not None and span.close < attrib[i].cue_start <= sentence_end \
                and _PASSIVE.search(text, clause_start, span.open):
            # `X and Y are accused of "...", the report said.`: the persons a passive is about do not speak, the text
            # the sentence ends on does (`X wrote back, acknowledging the "...", a report revealed`: X speaks)
            continue
        found = _clause_person(text, clause_start, span, sentence_end, persons)
        if found:
            attrib[i] = found

    # Quote-only paragraphs without a speaker: the next paragraph names it, or the previous one's speaker goes on.
    by_para: dict[int, list[int]] = {}
    ending_in: dict[int, list[int]] = {}  # paragraph -> kept quotes whose closing mark is in it
    for i, (span, _) in enumerate(kept):
        by_para.setdefault(span.para, []).append(i)
        ending_in.setdefault(span.last_para, []).append(i)
    span_ends = {s.last_para for s in spans}
    pulled: dict[int, _Attribution] = {}  # quote-only paragraphs before a paragraph opening with an attributed quote
    for k, members in sorted(by_para.items()):
        if any(i in attrib for i in members):
            continue
        para_spans = [kept[i][0] for i in members]
        if not _quote_only(text, paras[k], para_spans):
            continue
        last = max(s.last_para for s in para_spans)
        before = [i for i in ending_in.get(k - 1, ()) if i < members[0]]
        previous = None
        if before and before[-1] in attrib:
            # The quote before ended the previous paragraph (nothing quoted after it there): its speaker goes on,
            # unless the next paragraph is a bare attribution (`Smith said in a statement.`); a next paragraph
            # that goes on with new content (`X warned that ...`) starts another speaker's turn.
            prev_span = kept[before[-1]][0]
            if not any(kept[j][0].open > prev_span.close for j in ending_in[k - 1]):
                previous = replace(attrib[before[-1]], source="previous")
                other = _other_party(text, k, paras, kept, by_para, attrib)
                if other is not None:
                    previous = replace(other, source="turn")
        found = _next_paragraph_attribution(text, paras[last + 1], bare=previous is not None) \
            if last + 1 < len(paras) else None
        found = found or previous
        if found is None and last + 1 in by_para:
            # A pull quote: the next paragraph opens with a quote credited right after it (`"A."` / `"B," X said.`):
            # the same voice, when the paragraph before names no person as a subject and no later pass finds one.
            nxt = by_para[last + 1][0]
            if nxt in attrib and attrib[nxt].source == "after" and \
                    kept[nxt][0].open == _trim(text, *paras[last + 1])[0] and \
                    not (k > 0 and persons.subject_between(*paras[k - 1])):
                pulled.update((i, replace(attrib[nxt], source="next")) for i in members)
        # The paragraph before, unless a quote ends it or sits in it: one that ends in a colon introduces this quote
        # whatever it quotes on the way (`Reid told People she was a "social drinker" who ... habits:`).
        prev_para = paras[k - 1] if k > 0 and (k - 1 not in span_ends or
                                               text[paras[k - 1][0]:paras[k - 1][1]].rstrip().endswith(":")) else None
        if found is None and prev_para:
            # `Pensioner X, a voter, said:` ending the paragraph before, or that paragraph's closing subject.
            tail = _sentence_tail(text, *prev_para)
            found = _attribute_before(text, tail, prev_para[1], False) or \
                _closing_attribution(text, tail, prev_para[1]) or _statement_subject(text, tail, prev_para[1]) \
                or _sentence_subject(text, tail, prev_para[1], persons)
            if found is None and text[tail:prev_para[1]].rstrip().endswith(":"):
                m = BEFORE_CLAUSE.match(text[tail:prev_para[1]])  # `Reid told People she ... habits:`
                found = _attribution(m, tail, "before") if m and _plausible_subject(m.group("subj")) else None
        if found is None and prev_para and text[prev_para[0]:prev_para[1]].rstrip().endswith("?"):
            # an interview: a question, then the answer in quotes
            found = _interviewee(attrib, persons) or interview_subject(text, prev_para[1])
        if found:
            for i in members:
                attrib[i] = found

    # A quote appended to a narrative sentence about a person (profiles: `She and X first conceived it. "..."`).
    position = {id(span): idx for idx, span in enumerate(spans)}
    for i, (span, kind) in enumerate(kept):
        if i in attrib or kind != "direct":
            continue
        ps = paras[span.para][0]
        # after a scare-quoted term too: `X defended it, promising a "formal update": "`
        prev_close = _intro_close(text, spans, position[id(span)], ps)
        stop = span.open
        while stop > prev_close and text[stop - 1].isspace():
            stop -= 1
        if stop > prev_close and text[stop - 1] in ".!?:":
            # A paraphrase closed by its attribution (`..., the rules would change, Mr. Barrios said. "..."`) goes
            # on in the quote; else the person the sentence is about, also when the sentence introduces the quote
            # with a colon and no speech verb (`Lee does not hide it, but he resents it: "..."`).
            tail = _sentence_tail(text, prev_close, stop - 1)
            found = _closing_attribution(text, tail, stop) or _statement_subject(text, tail, stop) \
                or _sentence_subject(text, tail, stop, persons)
            if found:
                attrib[i] = found

    # A story's action beat after a quote that ends its sentence (`"Right here." I put the folder down.`, `"Fine." She
    # nodded.`): the paragraph is that character's turn, so the beat's subject speaks.
    for i, (span, kind) in enumerate(kept):
        if i in attrib or kind != "direct" or text[span.end - 1:span.end] not in (".", "!", "?"):
            continue
        pe = paras[span.last_para][1]
        nxt = spans[position[id(span)] + 1].open if position[id(span)] + 1 < len(spans) else pe
        beat = text[span.close + 1:min(pe, nxt)]
        if beat[:1] != " " or not beat.lstrip()[:1].isupper():
            continue
        m = _BEAT_SUBJECT.match(beat)
        if m:
            start = span.close + 1 + m.start("subj")
            attrib[i] = _Attribution(m.group("subj"), start, None, start, "context")

    for i, found in pulled.items():
        attrib.setdefault(i, found)
    _share_within_utterances(groups, attrib)  # a multi-paragraph quote credited by the sentence that introduced it

    # Profiles and interviews: one person speaks most of the article; unattributed direct quotes are theirs.
    main = _interviewee(attrib, persons, min_quotes=_MAIN_SPEAKER_QUOTES)
    if main is not None:
        explicit = sum(a.source in ("after", "before") for a in attrib.values())
        speaking = {_speaker_id(a, persons) for a in attrib.values() if a.source in ("after", "before")}
        for i, (span, kind) in enumerate(kept):
            if i not in attrib and kind == "direct":
                attrib[i] = main
            elif explicit >= _PROFILE_ATTRIBUTIONS and attrib.get(i) and attrib[i].source in ("context", "sentence") \
                    and _speaker_id(attrib[i], persons) not in speaking:
                # In a profile, a quote placed after a sentence about someone else is still the subject's, unless
                # that person speaks in the article too (a two-person interview: "X said her one regret is "..."").
                attrib[i] = main

    # `He has been described as the "..."`: the one described is no speaker; the agent after "by" is.
    for i, (span, kind) in enumerate(kept):
        if kind == "partial" and not (i in attrib and attrib[i].source in ("after", "later")):
            described = passive_described(text, _clause_start(text, paras[span.para][0], span.open, spans), span.open,
                                          span.close + 1)
            if described is None:
                attrib.pop(i, None)
            elif described:
                attrib[i] = described

    quotes: list[Quote] = []
    for i, (span, kind) in enumerate(kept):
        a = attrib.get(i)
        if a is None and span.open in labels:
            continue  # an unattributed multi-word label, not a quote
        speaker = speaker_id = role = cue = None
        s_start = s_end = None
        if a is not None:
            mention = parse_mention(a.speaker)
            speaker_id, role = resolve_mention(mention, a.speaker_start, persons)
            speaker, cue = a.speaker, a.cue
            s_start, s_end = a.speaker_start, a.speaker_start + len(a.speaker)
        quotes.append(Quote(article.id, text[span.start:span.end], span.start, span.end, kind, speaker,
                            speaker_id, role, cue, classify_cue(cue), utterance[i], s_start, s_end))
    covered = [(s.open, s.close) for s, _ in kept]
    base = max([q.utterance for q in quotes] + [-1]) + 1
    if not reads_foreign(article.language):  # German, French, Spanish reported speech: below
        quotes.extend(extract_reported(article, paras, covered, persons, base))
    quotes = _with_speakers_cast(quotes, persons, text, spans)
    quotes = _resolve_non_persons(sorted(quotes, key=lambda q: (q.start, q.end)), persons, text)
    quotes = [_as_written_at(q, text) for q in quotes]
    if not _reads_as_english(article.language):
        quotes = attribute_foreign([_named_or_none(q) for q in quotes], text, article.language, persons)
        quotes = sorted(quotes + reported_foreign(article.id, text, article.language, paras, covered, persons, base),
                        key=lambda q: (q.start, q.end))  # "Die Lage sei ernst, sagte Schulte."
    return _translations(_repeated_words(quotes, text), text)


def _as_written_at(q: Quote, text: str) -> Quote:
    """The quote with its speaker as the text writes it at its offsets: a mention read with its spaces tidied ("0\x1f
    Mr Ng", a control character Python counts as a space, read as "0 Mr Ng") or its quote marks left out ('Fran
    Drescher, "The Nanny" star') ends where the text's own words end. A speaker the text writes otherwise ("him" read
    as "he", "one" as "one of the sources involved", "I" as "the author") keeps its reading, and its offsets cover the
    mention as written: the screenshot pass read highlights running into the next sentence or cut inside a word."""
    if q.speaker is None or q.speaker_start is None or text[q.speaker_start:q.speaker_end] == q.speaker:
        return q
    words, end, marked = q.speaker.split(), q.speaker_start, False
    for word in words:
        at = text.find(word, end)
        if at < 0 or text[end:at].strip().strip(QUOTE_MARKS):
            return replace(q, speaker_end=_written_end(text, q.speaker_start, q.speaker_end))
        marked = marked or bool(text[end:at].strip())
        end = at + len(word)
    if marked and text[end:end + 1] in QUOTE_MARKS \
            and sum(text.count(c, q.speaker_start, end) for c in QUOTE_MARKS) % 2:
        end += 1  # 'Weekly's "Hollywood Insider"': the closing mark of the title the mention ends with
    # the marks of a title inside the mention stay out of the speaker's words, inside its offsets
    return replace(q, speaker=q.speaker if marked else text[q.speaker_start:end], speaker_end=end)


# Where a mention as written ends at the latest: a line break, a quote mark, or a sentence's end.
_MENTION_STOP = re.compile(rf"\n|[{QUOTE_MARKS}]|[.!?;](?=\s)")


def _written_end(text: str, start: int, end: int) -> int:
    """The end of the mention written at ``start`` for a speaker read as other words, ``end`` being where those words
    would end: no further than the mention's line, marks or sentence, and at a word's end (the word before, when the
    words read would end inside a later one: "Kelly" for "Osbourne", not "Kelly br")."""
    stop = _MENTION_STOP.search(text, start, end)
    end = stop.start() if stop and stop.start() > start else end
    if end < len(text) and text[end - 1:end].isalnum() and text[end].isalnum():
        back = text.rfind(" ", start, end)
        end = back if back > start else end + len(re.match(r"\w*", text[end:]).group(0))
    return len(text[:end].rstrip(" ,")) if text[start:end].strip(" ,") else end


_WORDS = re.compile(r"\w+")
_REPEATED_WORDS = 4  # words a quote needs for another quote holding them to say whose they are


def _repeated_words(quotes: list[Quote], text: str) -> list[Quote]:
    """A quote no one is credited with takes the speaker of a quote of the same article that holds its words: a
    headline's "‘We are not leaving’: residents refuse to evacuate" is the words of whoever the story has say "“We are
    not leaving,” said Ana Ruiz". So does a quote credited to "he" or "she" whose words an earlier quote credited to
    the same pronoun said first (a passage repeated further down the page, in a reader's comment, with its "he
    added"), and a pull quote, alone on its line, whose words are part of a longer quote: the pull quote took whatever
    stood around it (a byline, the paragraph before), the longer one its speaker (browser pass 37: "‘It is impossible
    to overstate the magnitude of this ruling’" heading the page and again between paragraphs, each credited to
    someone other than the lawyer who said it)."""
    credited = [(q, _WORDS.findall(q.text.lower())) for q in quotes if q.speaker and q.kind != "reported"]
    if not credited:
        return quotes
    out = []
    for q in quotes:
        pronoun = q.speaker is not None and q.speaker.lower() in PRONOUN_GENDERS
        pulled = q.speaker is not None and not pronoun and q.kind != "reported" and _alone_on_line(text, q)
        words = _WORDS.findall(q.text.lower()) if (q.speaker is None or pronoun or pulled) and q.kind != "reported" \
            else []
        if len(words) >= _REPEATED_WORDS:
            # a repeated passage keeps the pronoun that credited it first ("he added" pasted with it), not "she said"
            # after words someone else said first
            holder = next((p for p, held in credited if p.start < q.start and held == words
                           and p.speaker.lower() == q.speaker.lower()) if pronoun else
                          (p for p, held in credited if p.start != q.start and find_run(held, words) >= 0
                           and (not pulled or len(held) > len(words) and not _alone_on_line(text, p))), None)
            if holder is not None:
                q = _with_speaker_of(q, holder)
        out.append(q)
    return out


def _alone_on_line(text: str, q: Quote) -> bool:
    """Whether the quote fills its line but for its marks and punctuation (a headline, a pull quote)."""
    line_start = text.rfind("\n", 0, q.start) + 1
    line_end = text.find("\n", q.end) % (len(text) + 1)
    return not text[line_start:q.start].strip(" \t" + QUOTE_MARKS + "‘’'") \
        and not text[q.end:line_end].strip(" \t.,!?:;" + QUOTE_MARKS + "‘’'")


def _with_speakers_cast(quotes: list[Quote], persons: PersonIndex, text: str, spans: list[_Span]) -> list[Quote]:
    """The quotes with "he" and "she" resolved again after the full names credited with a quote by a cue join the cast.

    The cast is read before attribution, from how the text introduces a name (a title, an apposition, a known given
    name); a name it missed ("Hiroshi Tanaka, whose family has run a brewery for generations, says") is a person all the
    same once a speech verb credits it with words, and a later "he said" stands for it. So is a cast member credited
    with a direct quote where the cast read no clause subject (an inverted "said <long role> <name>")."""
    mentions = [parse_mention(q.speaker) if q.speaker else None for q in quotes]  # read once for the three passes
    added = False
    for q, mention in zip(quotes, mentions):
        if mention is not None and q.cue and not _AUTHORED_DOCUMENT.match(q.speaker) and mention.kind == "person" \
                and len((mention.name or "").split()) >= 2 and persons.full_name(mention.name) not in persons.roles:
            persons.add_person(mention.name, None)
            added = True
    if added:
        persons.index_mentions(text, [(s.open, s.close) for s in spans])
    # whom a cue credits with a direct quote is a subject, however long the role between cue and name ("said former
    # coach and former test player X"); not a fragment's speaker, read less surely
    persons.mark_speakers([(q.speaker_start, q.speaker_end) for q, mention in zip(quotes, mentions)
                           if q.kind == "direct" and q.cue and q.speaker_start is not None and q.speaker_id
                           and mention is not None and mention.kind == "person"])
    out = []
    for q, mention in zip(quotes, mentions):
        if mention is not None and mention.kind == "pronoun" and q.speaker_start is not None:
            speaker_id, role = resolve_mention(mention, q.speaker_start, persons)
            # One resolved before changes only to a person the text gives the pronoun's gender ("Rukhsana Begum-Tait
            # of the group ... said many of her members ..." then "she said"), never to a body so credited.
            if q.speaker_id is None or speaker_id != q.speaker_id \
                    and persons.genders.get(speaker_id or "") == PRONOUN_GENDERS.get(q.speaker.lower()):
                q = replace(q, speaker_id=speaker_id, speaker_role=role)
        out.append(q)
    return out


# Words frequent in English and rare in other languages' texts: a quote's share of them tells English words from others.
_ENGLISH_WORDS = frozenset("the and of to is that it we you for with this are was be have not they will our my what "
                           "which who has from their would been can but your he she his her them were on at "
                           "in".split())  # not "a" or "i", an article and a conjunction in other languages too
# ... and in Spanish, Portuguese, French, Italian, Catalan, German, Dutch and Indonesian texts (none an English word or
# a name's part: not "al", "van", "dan", "con", "et").
_OTHER_WORDS = frozenset("de el la los las que del en y es por para una lo se su sus yo muy más pero como este esta le "
                         "les des est pour dans une il qui pas du au aux je nous vous ne ce cette mais sur à dos das "
                         "não em uma é di che della sono und der das ist nicht mit ein eine het een ook yang ini itu "
                         "tidak dengan els amb".split())
_MIN_LANGUAGE_WORDS = 4  # fewer words tell no language
_ENGLISH_SHARE = 0.15  # English prose has about a third of its words in _ENGLISH_WORDS; other languages almost none
_OTHER_SHARE = 0.05  # ... and at most this share of the other language's frequent words; the other way round for
_FOREIGN_SHARE = 0.1  # a quote in another language, which has at least this share of its frequent words
_TRANSLATION_GAP = 400  # characters between an original and its translation: a handle, a source line, a paragraph
_TRANSLATION_RATIO = 1.8  # a translation is at most this much longer or shorter than its original
# What may stand between an original and its translation besides the other language's own words: handles, language
# tags and links in brackets, a "Translation:" label.
_TRANSLATION_LABELS = re.compile(r"[@#]\w+|\[[^\]\n]*\]|\([^)\n]*\)|https?://\S+|\b(?:[Tt]ranslation|[Tt]ranslated|"
                                 r"in English)\b")
_TRANSLATION_GAP_WORDS = 3  # English words allowed between them besides those ("Judges pro democracy:")


def _letter_words(text: str) -> list[str]:
    """The words of ``text`` made of letters only (no numbers)."""
    return [w for w in _WORDS.findall(text) if w.isalpha()]


def _language(text: str) -> str | None:
    """"en" for a quote in English, "other" for one in another language (another script's letters, or the frequent
    words of another language and no English ones), None when it is too short or mixed to tell."""
    words = _letter_words(text.lower())
    if len(words) < _MIN_LANGUAGE_WORDS:
        return None
    english = sum(w in _ENGLISH_WORDS for w in words) / len(words)
    latin = sum(w.isascii() or all(ch < "\u0250" for ch in w) for w in words) / len(words)
    other = sum(w in _OTHER_WORDS for w in words) / len(words)
    if english >= _ENGLISH_SHARE and other < _OTHER_SHARE:
        return "en"
    return "other" if english < _OTHER_SHARE and (latin < 0.5 or other >= _FOREIGN_SHARE) else None


def _translations(quotes: list[Quote], text: str) -> list[Quote]:
    """A quote in another language next to its English translation, either first, takes the speaker of the other
    when it has none: `@ana: "Nos vamos a quedar." / @ana: "We are going to stay."`, or `"Ella me dijo ...",
    recordó Bustamante.` then `"She told me ..."`. Next to: no other quote between, a few lines apart at most, of a
    like length, and between them only labels or the other language's words (an English sentence between, as in
    `"...," said coach Ana Ruiz.` before a Spanish chant, tells another quote)."""
    said = [i for i, q in enumerate(quotes) if q.kind != "reported"]
    out = list(quotes)
    for i, j in zip(said, said[1:]):
        a, b = out[i], out[j]
        if (a.speaker is None) == (b.speaker is None) or b.start - a.end > _TRANSLATION_GAP \
                or not 1 / _TRANSLATION_RATIO <= len(a.text) / max(len(b.text), 1) <= _TRANSLATION_RATIO:
            continue
        gap = _TRANSLATION_LABELS.sub(" ", text[a.end:b.start])
        if {_language(a.text), _language(b.text)} == {"en", "other"} and (
                len(_letter_words(gap)) <= _TRANSLATION_GAP_WORDS or _language(gap) == "other"):
            target, source = (i, b) if b.speaker is not None else (j, a)
            out[target] = _with_speaker_of(out[target], source)
    return out


def _with_speaker_of(q: Quote, source: Quote) -> Quote:
    """``q`` credited as ``source`` is: its speaker, as written and resolved, its type and offsets."""
    return replace(q, speaker=source.speaker, speaker_id=source.speaker_id, speaker_role=source.speaker_role,
                   speaker_type=source.speaker_type, speaker_start=source.speaker_start, speaker_end=source.speaker_end)


def _reads_as_english(language: str | None) -> bool:
    """True when attribution can read the article: English, or a language nobody stated."""
    return language_code(language) in (None, "en")


def _named_or_none(q: Quote) -> Quote:
    """A quote of an article in another language keeps its speaker only where it is a person named in full, a known
    given name first: the attribution rules read English grammar, and in another language they take capitalised
    nouns ("Wort", "Daten", "Thema Migration"), pronouns ("Beachten Sie"), articles ("Il Bahrain") and fragments for
    speakers (one German page in two gave one). The quote itself stays."""
    if q.speaker_type == "person" and q.speaker_id and len(q.speaker_id.split()) >= 2 \
            and given_name_gender(q.speaker_id.split()[0]) is not None:
        return q
    return replace(q, speaker=None, speaker_id=None, speaker_role=None, cue=None, cue_class=None, speaker_start=None,
                   speaker_end=None, speaker_type=None)


def _share_within_utterances(groups: dict[int, list[int]], attrib: dict[int, _Attribution]) -> None:
    """Spans of one multi-paragraph quote share the attribution found for any of them."""
    for members in groups.values():
        found = next((attrib[i] for i in members if i in attrib), None)
        if found:
            for i in members:
                attrib.setdefault(i, replace(found, source="inherited"))


def _other_party(text: str, k: int, paras: list[tuple[int, int]], kept: list[tuple[_Span, str]],
                 by_para: dict[int, list[int]], attrib: dict[int, _Attribution]) -> _Attribution | None:
    """In a dialogue, the speaker of an unattributed turn in paragraph ``k``: the party before the last one, when the
    two paragraphs before are turns (quotes with at most a short cue: `"Is it far?" the man asked.` / `"An hour," I
    said.`) of two different speakers, one of them a question or the first-person narrator; else None (a news quote
    paragraph after an attributed one goes on with the same speaker)."""
    if k < 2 or not all(_is_turn(text, paras[j], [kept[i][0] for i in by_para.get(j, ())]) for j in (k - 1, k - 2)):
        return None
    last, before = by_para[k - 1][-1], by_para[k - 2][-1]
    if last not in attrib or before not in attrib or \
            attrib[last].speaker.lower() == attrib[before].speaker.lower():
        return None
    asked = any(text[:kept[i][0].close].rstrip().endswith("?") for i in (last, before))
    # A first-person narrator in the exchange (`"An hour," I said.`) makes it a story's dialogue, which alternates.
    narrated = any(attrib[i].speaker == "I" for i in (last, before))
    return attrib[before] if asked or narrated else None


def _is_turn(text: str, para: tuple[int, int], spans: list[_Span]) -> bool:
    """True when a paragraph is one dialogue turn: quotes, and outside them at most _TURN_WORDS words."""
    if not spans or any(s.para != s.last_para for s in spans):
        return False
    outside, pos = [], para[0]
    for s in spans:
        outside.append(text[pos:s.open])
        pos = s.close + 1
    outside.append(text[pos:para[1]])
    return len(" ".join(outside).split()) <= _TURN_WORDS


def _speaker_id(found: _Attribution, persons: PersonIndex) -> str | None:
    """The person an attribution's speaker mention resolves to."""
    return resolve_mention(parse_mention(found.speaker), found.speaker_start, persons)[0]


def _names_or_scares(content: str) -> bool:
    """A span's words that name something or scare-quote a term mid-sentence: title case, or a fragment of at most
    _SCARE_WORDS words that ends no sentence or clause ("limited", "Meet the Press"; not `"No,"`)."""
    return bool(_TITLE_CASE.fullmatch(content)) or (
        _word_count(content) <= _SCARE_WORDS and not content.rstrip().endswith((".", "!", "?", ",")))


def _intro_close(text: str, spans: list[_Span], idx: int, para_start: int) -> int:
    """Where the sentence introducing ``spans[idx]`` may begin: after the quote before it in its paragraph (else the
    paragraph start), passing over a name or a scare-quoted term right before it, which is no quote of its own but
    part of the introduction (`told "Meet the Press" host X, "`, `X described it as "limited" in scope: "`, `quoted
    Wang as saying the "Middle Corridor" would become "`)."""
    prev_close = _previous_close(spans, idx, para_start)
    passed = 0
    while prev_close > para_start and _names_or_scares(text[spans[idx - 1].start:spans[idx - 1].end]) and (
            not passed or _LIST_JOIN.fullmatch(text, spans[idx - 1].close + 1, spans[idx].open)):
        # and terms listed before it (`called the ruling "dangerous" and "ideological": "`)
        idx, passed = idx - 1, passed + 1
        prev_close = _previous_close(spans, idx, para_start)
    return prev_close


def _previous_close(spans: list[_Span], idx: int, para_start: int) -> int:
    """Offset after the closing mark of the span before ``spans[idx]`` in its paragraph, else the paragraph start
    (spans are in text order and never overlap, so it is the span right before, when it is in the paragraph)."""
    if idx and spans[idx - 1].para == spans[idx].para and spans[idx - 1].close < spans[idx].open:
        return spans[idx - 1].close + 1
    return para_start


def find_persons(article: Article) -> PersonIndex:
    """The persons an article names (for reported speech and other extractors)."""
    text = article.text
    return _person_index(text, find_spans(text, paragraph_spans(article)))
