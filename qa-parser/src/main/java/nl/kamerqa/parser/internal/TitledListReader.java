package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.Genre;

/**
 * What the readers of a list of questions and of a nota share: the title on the first page names the genre
 * ({@link ListTitle}), and the text under it is read by {@link LabelledStructure} with section headings, party
 * headings and indirect asking.
 */
abstract class TitledListReader implements GenreReader<ListTitle> {

    private static final LabelRules RULES = new LabelRules(false, false, false, true, true, false, true);

    @Override
    public final double ceiling() {
        return Detection.TITLE;
    }

    @Override
    public final Detection<ListTitle> detect(TextLayout layout, String text) {
        return ListTitle.find(layout.lines(), layout.skip())
                .filter(title -> title.genre() == genre())
                .map(title -> new Detection<>(Detection.TITLE, title))
                .orElse(Detection.none(null));
    }

    @Override
    public final Reading read(TextLayout layout, Detection<ListTitle> detection) {
        ListTitle title = detection.found();
        LabelledStructure structure = title == null
                ? LabelledStructure.read(layout, RULES, null, -1)
                : LabelledStructure.read(layout, RULES, title.title(), title.last());
        return structure.reading(genre().name(), Reading.documentId(layout), null);
    }

    @Override
    public abstract Genre genre();
}
