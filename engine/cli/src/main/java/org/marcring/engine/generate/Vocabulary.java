package org.marcring.engine.generate;

import java.text.Normalizer;

/**
 * The small word lists synthetic records are made of: title words, names (some with diacritics),
 * places with their MARC country codes, publishers, subject headings, and a few CJK and Cyrillic words
 * with their romanizations. Everything a generated record says comes from here.
 */
final class Vocabulary {
    private Vocabulary() {
    }

    static final String[] TITLE_WORDS = {
        "history", "theory", "practice", "introduction", "handbook", "essays", "studies", "letters", "journal",
        "world", "nature", "society", "language", "music", "art", "science", "economy", "politics", "war",
        "peace", "memory", "empire", "city", "river", "garden", "house", "children", "women", "men", "people",
        "nation", "state", "church", "law", "justice", "freedom", "power", "knowledge", "mind", "body", "light",
        "time", "space", "energy", "matter", "life", "death", "love", "friendship", "travel", "journey",
        "voyage", "ocean", "mountain", "desert", "forest", "island", "village", "country", "revolution",
        "reform", "culture", "tradition", "modern", "ancient", "medieval", "early", "late", "new", "old",
        "american", "european", "british", "french", "german", "russian", "chinese", "japanese", "african",
        "colonial", "global", "local", "rural", "urban", "industrial", "digital", "public", "private",
        "family", "school", "education", "health", "medicine", "disease", "climate", "water", "food",
        "agriculture", "trade", "money", "markets", "labor", "work", "technology", "engineering", "design",
        "architecture", "poetry", "poems", "stories", "novel", "drama", "theatre", "film", "photography",
        "philosophy", "religion", "faith", "reason", "ethics", "logic", "mathematics", "physics", "chemistry",
        "biology", "evolution", "genetics", "ecology", "geography", "maps", "atlas", "dictionary", "guide",
        "companion", "reader", "anthology", "selected", "collected", "complete", "works", "papers", "records",
    };

    static final String[] SMALL_WORDS = {"of", "and", "the", "in", "on", "for", "from", "to", "at", "with"};

    static final String[] SUBTITLES = {
        "a history", "an introduction", "a critical study", "selected essays", "a reader", "new perspectives",
        "theory and practice", "a comparative study", "an anthology", "a biography", "a novel", "poems",
        "a documentary history", "proceedings of the annual conference", "a guide for students",
        "case studies", "the first hundred years", "past and present", "a social history", "a memoir",
    };

    static final String[] SURNAMES = {
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
        "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams", "Baker", "Nelson",
        "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards",
        "Collins", "Stewart", "Morris", "Rogers", "Reed", "Cook", "Morgan", "Bell", "Murphy", "Bailey",
        "Cooper", "Richardson", "Cox", "Howard", "Ward", "Peterson", "Gray", "James", "Watson", "Brooks",
        "Kelly", "Sanders", "Price", "Bennett", "Wood", "Barnes", "Ross", "Henderson", "Coleman", "Jenkins",
        "Austen", "Dickens", "Eliot", "Hardy", "Woolf", "Joyce", "Orwell", "Huxley", "Wells", "Kipling",
        "Schmidt", "Schneider", "Fischer", "Weber", "Wagner", "Becker", "Hoffmann", "Dubois", "Moreau",
        "Laurent", "Rossi", "Russo", "Bianchi", "Romano", "Kowalski", "Nowak", "Jansen", "de Vries", "Olsen",
    };

    /** Surnames with diacritics that are in ISO 8859-1 when precomposed. */
    static final String[] SURNAMES_LATIN1 = {
        "Müller", "García", "Gómez", "Pérez", "Ibáñez", "Núñez", "Gödel", "Brontë", "Sørensen", "Åberg",
        "Lévi-Strauss", "Böll", "Grünewald", "Camões", "Françoise", "Hölderlin", "Rodríguez", "Martínez",
        "Ångström", "Ørsted", "Dürer", "Schönberg", "Fábregas", "Guimarães", "Bréton", "Molière",
    };

    /** Surnames with diacritics beyond ISO 8859-1 (Latin Extended-A when precomposed). */
    static final String[] SURNAMES_EXTENDED = {
        "Dvořák", "Čapek", "Łukasiewicz", "Šimek", "Janáček", "Miłosz", "Szymborska", "Žižek", "Hašek",
        "Kundera", "Kieślowski", "Erdős", "Dőry", "Wałęsa", "Łódzki", "Ağaoğlu", "Pamuk", "Ştefănescu",
    };

    static final String[] FORENAMES = {
        "John", "Mary", "James", "Elizabeth", "William", "Anne", "Robert", "Margaret", "Charles", "Sarah",
        "George", "Jane", "Thomas", "Emily", "Henry", "Charlotte", "Edward", "Catherine", "Richard", "Helen",
        "David", "Susan", "Michael", "Alice", "Peter", "Ruth", "Paul", "Clara", "Joseph", "Eleanor", "Hans",
        "Anna", "Pierre", "Marie", "Giovanni", "Maria", "Jan", "Eva", "Karl", "Ingrid", "Lars", "Sofia",
    };

    static final String[] FORENAMES_ACCENTED = {
        "José", "André", "Zoë", "Renée", "Jürgen", "Søren", "François", "Inés", "Hélène", "Björn", "Agnès",
        "Antonín", "Bohumil", "Václav", "Wisława", "Czesław", "Krzysztof", "Božena", "Jiří", "Tomáš",
    };

    /** Place of publication and its MARC country code (008/15-17). */
    static final String[][] PLACES = {
        {"New York", "nyu"}, {"London", "enk"}, {"Oxford", "enk"}, {"Cambridge", "enk"}, {"Chicago", "ilu"},
        {"Boston", "mau"}, {"Cambridge, Mass.", "mau"}, {"Princeton", "nju"}, {"Berkeley", "cau"},
        {"Los Angeles", "cau"}, {"Toronto", "onc"}, {"Philadelphia", "pau"}, {"Washington, D.C.", "dcu"},
        {"Paris", "fr "}, {"Berlin", "gw "}, {"München", "gw "}, {"Madrid", "sp "}, {"México", "mx "},
        {"Praha", "xr "}, {"Kraków", "pl "}, {"Amsterdam", "ne "}, {"Stockholm", "sw "}, {"Roma", "it "},
    };

    static final String[] PUBLISHERS = {
        "Oxford University Press", "Cambridge University Press", "Penguin Books", "Random House",
        "HarperCollins", "Routledge", "Springer", "Wiley", "Macmillan", "W.W. Norton & Company",
        "University of Chicago Press", "Princeton University Press", "Yale University Press", "Vintage",
        "Harvard University Press", "MIT Press", "Knopf", "Simon & Schuster", "Gallimard", "Suhrkamp",
    };

    /** Publishers whose names carry diacritics. */
    static final String[] PUBLISHERS_ACCENTED = {
        "Éditions du Seuil", "Fondo de Cultura Económica", "Presses Universitaires de France",
        "Nakladatelství Academia", "Wydawnictwo Znak", "Editora Ática", "Verlag für Geschichte und Politik",
    };

    static final String[] TOPICS = {
        "Civilization", "Economic conditions", "Social life and customs", "Politics and government",
        "Women", "Children", "Education", "Agriculture", "Architecture", "Art", "Music", "Literature",
        "Philosophy", "Religion", "Science", "Technology", "Medicine", "Public health", "Climatic changes",
        "Water resources development", "Industrial relations", "Labor movement", "Immigrants",
        "Ethnic relations", "Railroads", "Shipping", "Banks and banking", "Elections", "Constitutional law",
        "Criminal justice, Administration of", "Human rights", "World War, 1939-1945", "Cold War",
        "Computer networks", "Artificial intelligence", "Mathematics", "Physics", "Ecology", "Birds",
        "Gardening", "Cooking", "Poetry", "Drama", "Fiction", "English fiction", "Authors, English",
    };

    static final String[] SUBDIVISIONS = {
        "History", "Social aspects", "Economic aspects", "Political aspects", "Study and teaching",
        "Research", "Philosophy", "Criticism and interpretation", "Biography", "Sources", "Statistics",
        "Law and legislation", "Moral and ethical aspects", "Technological innovations", "Case studies",
    };

    static final String[] PERIODS = {
        "19th century", "20th century", "21st century", "18th century", "1789-1815", "1914-1918",
        "1945-", "Middle Ages, 600-1500", "Renaissance, 1450-1600",
    };

    static final String[] GEOGRAPHIC = {
        "United States", "Great Britain", "England", "France", "Germany", "Italy", "Spain", "Mexico",
        "Canada", "Japan", "China", "Russia (Federation)", "Poland", "Czech Republic", "India", "Brazil",
        "New York (N.Y.)", "London (England)", "Paris (France)", "Europe", "Africa", "Asia",
    };

    static final String[] FORMS = {
        "Bibliography", "Biography", "Congresses", "Dictionaries", "Handbooks, manuals, etc.", "Juvenile literature",
        "Fiction", "Periodicals", "Pictorial works", "Maps", "Textbooks", "Sources", "Early works to 1800",
    };

    static final String[] NOTE_PHRASES = {
        "Includes bibliographical references and index.", "Includes index.",
        "Originally published in 1998.", "Translation of the author's work first published in German.",
        "Based on the author's thesis (doctoral).", "Illustrated endpapers.",
        "Title from cover.", "Issued also in electronic format.", "Revised edition of the 1987 work.",
        "Contains material previously published in various journals.", "Text in English; summaries in French.",
        "Library's copy signed by the author.", "Edition statement from colophon.",
        "Reproduction of the original in the British Library.", "Printed on acid-free paper.",
    };

    static final String[] SENTENCE_WORDS = {
        "this", "book", "study", "explores", "examines", "describes", "the", "role", "of", "in", "and", "a",
        "new", "approach", "to", "how", "its", "their", "history", "development", "from", "through",
        "period", "century", "world", "author", "argues", "that", "shows", "evidence", "archival", "sources",
        "many", "social", "political", "cultural", "economic", "changes", "during", "early", "modern",
        "readers", "will", "find", "account", "detailed", "influence", "life", "work", "between", "across",
        "communities", "institutions", "ideas", "practices", "relationship", "legacy", "important",
    };

    static final String[] SERIES = {
        "Oxford world's classics", "Penguin classics", "Cambridge studies in social theory",
        "Lecture notes in computer science", "Studies in comparative literature", "Library of America",
        "Routledge studies in the history of economics", "Everyman's library", "Very short introductions",
        "Studies in medieval and Reformation traditions", "Monographs in American history",
    };

    /** CJK words and their romanization (pinyin, LC style). */
    static final String[][] CJK = {
        {"中国", "Zhongguo"}, {"文学", "wen xue"}, {"历史", "li shi"}, {"研究", "yan jiu"}, {"社会", "she hui"},
        {"经济", "jing ji"}, {"文化", "wen hua"}, {"思想", "si xiang"}, {"现代", "xian dai"}, {"古代", "gu dai"},
        {"哲学", "zhe xue"}, {"艺术", "yi shu"}, {"日本", "Riben"}, {"東京", "Tokyo"}, {"北京", "Beijing"},
        {"上海", "Shanghai"}, {"教育", "jiao yu"}, {"政治", "zheng zhi"}, {"科学", "ke xue"}, {"诗", "shi"},
    };

    /** CJK publishers and places with their romanization. */
    static final String[][] CJK_IMPRINTS = {
        {"北京", "Beijing", "人民文学出版社", "Ren min wen xue chu ban she"},
        {"上海", "Shanghai", "上海古籍出版社", "Shanghai gu ji chu ban she"},
        {"東京", "Tokyo", "岩波書店", "Iwanami Shoten"},
    };

    static final String[][] CJK_NAMES = {
        {"王力", "Wang, Li"}, {"鲁迅", "Lu, Xun"}, {"李白", "Li, Bai"}, {"夏目漱石", "Natsume, Soseki"},
        {"张爱玲", "Zhang, Ailing"}, {"钱钟书", "Qian, Zhongshu"},
    };

    /** Cyrillic words and their romanization (ALA-LC, without the ligature marks). */
    static final String[][] CYRILLIC = {
        {"история", "istoriia"}, {"литература", "literatura"}, {"России", "Rossii"}, {"наука", "nauka"},
        {"общество", "obshchestvo"}, {"культура", "kul'tura"}, {"поэзия", "poeziia"}, {"война", "voina"},
        {"мир", "mir"}, {"очерки", "ocherki"}, {"русской", "russkoi"}, {"советской", "sovetskoi"},
        {"экономика", "ekonomika"}, {"философия", "filosofiia"}, {"искусство", "iskusstvo"},
    };

    static final String[][] CYRILLIC_IMPRINTS = {
        {"Москва", "Moskva", "Наука", "Nauka"},
        {"Санкт-Петербург", "Sankt-Peterburg", "Азбука", "Azbuka"},
    };

    static final String[][] CYRILLIC_NAMES = {
        {"Толстой, Лев", "Tolstoi, Lev"}, {"Пушкин, Александр", "Pushkin, Aleksandr"},
        {"Ахматова, Анна", "Akhmatova, Anna"}, {"Лихачев, Дмитрий", "Likhachev, Dmitrii"},
    };

    static final String[] LIBRARIES = {
        "Main Library", "Science Library", "Law Library", "Music Library", "Special Collections",
        "Fine Arts Library", "Offsite Storage", "Undergraduate Library",
    };

    static final String[] SOURCES_670 = {
        "LC data base", "Wikipedia", "VIAF", "Encyclopaedia Britannica online", "OCLC WorldCat",
        "Dictionary of national biography", "Author's website", "Contemporary authors",
    };

    /** Each of {@code words} decomposed to Unicode NFD: base letters followed by combining marks. */
    static String[] decomposed(String[] words) {
        String[] out = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            out[i] = Normalizer.normalize(words[i], Normalizer.Form.NFD);
        }
        return out;
    }

    static final String[] SURNAMES_LATIN1_NFD = decomposed(SURNAMES_LATIN1);
    static final String[] SURNAMES_EXTENDED_NFD = decomposed(SURNAMES_EXTENDED);
    static final String[] FORENAMES_ACCENTED_NFD = decomposed(FORENAMES_ACCENTED);
    static final String[] PUBLISHERS_ACCENTED_NFD = decomposed(PUBLISHERS_ACCENTED);
}
