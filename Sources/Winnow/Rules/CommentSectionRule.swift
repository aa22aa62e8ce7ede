/// Residue of a comment section: "Comments are closed.", "Leave a Reply", the e-mail notice of a
/// comment form, Disqus's JavaScript notice. Removed only when the phrases make up most of a block,
/// so a sentence that quotes them stays.
public struct CommentSectionRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "comment-section",
        name: "Comment-section residue",
        family: .comments,
        summary: "Removes comment-form and comment-thread notices that stand as their own block.",
        languages: ["en", "de", "fr", "es", "it", "pt", "nl", "no", "sv", "da", "fi", "pl", "ru", "tr", "id"],
        triggering: [
            RuleExample("The pier reopens on Monday.\nComments are subject to our community guidelines, which can be viewed here.\n",
                        expected: "The pier reopens on Monday.\n"),
            RuleExample("The bridge reopens in May.\n\nComments are closed.", expected: "The bridge reopens in May.\n"),
            RuleExample("The bridge reopens in May.\nLeave a Reply\nYour email address will not be published. Required fields are marked *\n",
                        expected: "The bridge reopens in May.\n"),
            RuleExample("The bridge reopens in May.\nPlease enable JavaScript to view the comments powered by Disqus.\n",
                        expected: "The bridge reopens in May.\n"),
            RuleExample("Die Brücke öffnet im Mai.\nKommentare sind geschlossen.\n", expected: "Die Brücke öffnet im Mai.\n"),
            RuleExample("Le pont rouvre en mai.\nLes commentaires sont fermés.\n", expected: "Le pont rouvre en mai.\n"),
            RuleExample("El puente reabre en mayo.\nLos comentarios están cerrados.\n", expected: "El puente reabre en mayo.\n"),
            RuleExample("Il ponte riapre a maggio.\nI commenti sono chiusi.\n", expected: "Il ponte riapre a maggio.\n"),
            RuleExample("A ponte reabre em maio.\nComentários encerrados.\n", expected: "A ponte reabre em maio.\n"),
            RuleExample("De brug gaat in mei weer open.\nReacties zijn gesloten.\n", expected: "De brug gaat in mei weer open.\n"),
            RuleExample("Brua åpner i mai.\nKommentarer er stengt.\n", expected: "Brua åpner i mai.\n"),
            RuleExample("Bron öppnar i maj.\nKommentarer är stängda.\n", expected: "Bron öppnar i maj.\n"),
            RuleExample("Broen åbner i maj.\nKommentarer er lukket.\n", expected: "Broen åbner i maj.\n"),
            RuleExample("Мост откроют в мае.\nКомментарии закрыты.\n", expected: "Мост откроют в мае.\n"),
            RuleExample("Most zostanie otwarty w maju.\nKomentarze są wyłączone.\n", expected: "Most zostanie otwarty w maju.\n"),
            RuleExample("Köprü mayısta açılıyor.\nYorumlar kapalı.\n", expected: "Köprü mayısta açılıyor.\n"),
            RuleExample("Jembatan dibuka kembali pada bulan Mei.\nKomentar ditutup.\n", expected: "Jembatan dibuka kembali pada bulan Mei.\n"),
            RuleExample("The bridge reopens in May.\n\nJoin Discussion\n\nAdd Your Comment\n", expected: "The bridge reopens in May.\n"),
        ],
        nonTriggering: [
            // An item of the article's own list.
            RuleExample("El periódico cambia sus normas para los lectores a partir del lunes.\nQué cambia para los lectores\n- Los comentarios están cerrados en todas las noticias.\n- Las cartas al director se publican los domingos.\n- Los lectores pueden escribir a la defensora del lector.\n"),
            // A notice someone is reported to have given is the article's sentence.
            RuleExample("The council debated the harbour plan for three hours.\nKommentarer er stengt, sa redaktøren.\nKomentáře jsou uzavřeny, řekl mluvčí.\nYorumlar kapatılmıştır, dedi sözcü.\n"),
            RuleExample("Мэр отказался оставить комментарий.\n"),
            RuleExample("Редакция сообщила, что комментарии закрыты под статьями о суде, чтобы не влиять на присяжных.\n"),
            RuleExample("The site said comments are closed on stories about the trial to protect the jury.\n"),
            RuleExample("Readers who want to leave a reply to the minister can write to the paper's letters page.\n"),
            RuleExample("Comments are closed, the mayor said, but the plans can be seen at the town hall until Friday.\n"),
            RuleExample("Residents who want to join the conversation about the new ferry timetable can come to the town hall on Friday evening.\n"),
            // A how-to's step and heading.
            RuleExample("How to take part in the consultation\n1. Read the draft plan on the council's website.\n2. Write a comment\n3. Join the conversation on Thursday\n"),
        ],
        enabledByDefault: true)

    public let cues: [Cue] = CommentSectionRule.phrases.map { Cue($0, .strong) }

    static let phrases: [String] = [
        // English
        "comments are closed", "comments closed", "commenting is closed", "comments have been closed", "comments are now closed",
        "leave a reply", "leave a comment", "leave a reply cancel reply", "cancel reply", "post a comment", "add a comment",
        "your email address will not be published", "your email address will not be published.",
        "required fields are marked", "notify me of follow-up comments by email", "notify me of new comments via email",
        "notify me of new posts by email", "notify me of new posts via email",
        "save my name, email, and website in this browser for the next time i comment",
        "please enable javascript to view the comments powered by disqus", "comments powered by disqus",
        "you must be logged in to post a comment", "you must login or create an account to comment",
        "log in to leave a comment", "log in to comment", "sign in to comment", "login to comment", "loading comments",
        "be the first to comment", "no comments yet", "view comments", "show comments", "join the discussion",
        "this site uses akismet to reduce spam", "learn how your comment data is processed",
        "comments are subject to our community guidelines", "comments are moderated", "comments are reviewed before they are published",
        "please read our comment policy", "read our community guidelines", "by submitting this form you agree",
        "using your data for the purposes of publishing your comment",
        "kommentare werden moderiert", "les commentaires sont modérés", "los comentarios son moderados",
        "i commenti sono moderati", "os comentários são moderados", "não serão aprovados pelo moderador",
        // German
        "kommentare sind geschlossen", "die kommentarfunktion ist geschlossen", "kommentare geschlossen",
        "hinterlasse einen kommentar", "schreibe einen kommentar", "kommentar verfassen", "antworten abbrechen",
        "deine e-mail-adresse wird nicht veröffentlicht", "ihre e-mail-adresse wird nicht veröffentlicht",
        "erforderliche felder sind mit * markiert", "erforderliche felder sind markiert",
        // French
        "les commentaires sont fermés", "commentaires fermés", "laisser un commentaire", "laisser une réponse",
        "annuler la réponse", "votre adresse e-mail ne sera pas publiée", "votre adresse de messagerie ne sera pas publiée",
        "les champs obligatoires sont indiqués avec", "vous devez être connecté pour publier un commentaire",
        // Spanish
        "los comentarios están cerrados", "comentarios cerrados", "deja un comentario", "deja una respuesta",
        "cancelar respuesta", "tu dirección de correo electrónico no será publicada",
        "los campos obligatorios están marcados con", "debes iniciar sesión para publicar un comentario",
        // Italian
        "i commenti sono chiusi", "commenti chiusi", "lascia un commento", "lascia una risposta", "annulla risposta",
        "il tuo indirizzo email non sarà pubblicato", "i campi obbligatori sono contrassegnati",
        "devi essere connesso per inviare un commento",
        // Portuguese
        "comentários encerrados", "os comentários estão encerrados", "os comentários estão fechados", "deixe um comentário",
        "deixe uma resposta", "cancelar resposta", "o seu endereço de email não será publicado",
        "o seu endereço de e-mail não será publicado", "campos obrigatórios são marcados com",
        // Dutch
        "reacties zijn gesloten", "reageren is niet meer mogelijk", "laat een reactie achter", "geef een reactie",
        "reactie annuleren", "je e-mailadres wordt niet gepubliceerd", "uw e-mailadres wordt niet gepubliceerd",
        "vereiste velden zijn gemarkeerd met",
        // Norwegian
        "kommentarer er stengt", "kommentarfeltet er stengt", "kommentarer er lukket", "legg igjen en kommentar",
        "e-postadressen din vil ikke bli publisert", "obligatoriske felt er merket med",
        // Swedish
        "kommentarer är stängda", "kommentarsfältet är stängt", "lämna ett svar", "lämna en kommentar",
        "din e-postadress kommer inte publiceras", "obligatoriska fält är märkta",
        // Danish
        "kommentarer er lukket", "kommentarfeltet er lukket", "skriv en kommentar", "efterlad en kommentar",
        "din e-mailadresse vil ikke blive publiceret", "påkrævede felter er markeret med",
        // Finnish
        "kommentointi on suljettu", "jätä kommentti", "sähköpostiosoitettasi ei julkaista",
        // Polish
        "komentarze są wyłączone", "dodaj komentarz", "twój adres e-mail nie zostanie opublikowany",
        // Russian (the matcher folds the capitals А-О but З; not "оставить комментарий": news prose says "declined to
        // leave a comment" with it)
        "комментарии закрыты", "добавить комментарий", "ваш адрес email не будет опубликован", "обязательные поля помечены",
        // Turkish ("ı" listed as "i" too, for text in capitals)
        "yorumlar kapalı", "yorumlar kapali", "yorum yap", "bir yorum yazın", "bir yorum yazin",
        "e-posta adresiniz yayınlanmayacak", "e-posta adresiniz yayinlanmayacak",
        // Indonesian
        "komentar ditutup", "tinggalkan komentar", "tinggalkan balasan", "alamat email anda tidak akan dipublikasikan",
        // Closed threads and comment forms in more languages
        "yorumlar kapatılmıştır", "yorumlar kapatilmiştir", "комментирование закрыто", "Комментирование закрыто", "Комментарии закрыты",
        "коментарі закрито", "Коментарі закрито", "коментування закрито", "Коментування закрито",
        "komentáře jsou uzavřeny", "komentáře jsou vypnuty", "komentarze zostały wyłączone", "komentar dinonaktifkan",
        "tulis komentar anda", "댓글이 닫혔습니다", "댓글을 작성하려면 로그인이 필요합니다", "コメントは承認後に表示されます", "чтобы оставить комментарий",
        "Чтобы оставить комментарий", "щоб залишити коментар", "Щоб залишити коментар",
        "os comentários são de responsabilidade", "comentários são de responsabilidade exclusiva",
        "komentar sepenuhnya menjadi tanggung jawab", "网友评论仅供其表达个人看法", "kommentar schreiben", "réagir à cet article",
        "añadir comentario", "kommentera artikeln", "kommenter saken", "reageer op dit artikel", "skomentuj artykuł",
        // A comment form's buttons (not "write a comment", "join the conversation": a how-to's steps and headings say them)
        "add your comment", "post your comment", "leave your comment", "join discussion",
    ]

    public func detect(_ context: DetectionContext, into findings: inout [Finding]) {
        CommentSectionRule.policy.detect(context, cues: cues, into: &findings)
    }

    /// Coverage only: these phrases are never appeals, a block goes when it is mostly made of them.
    static let policy = PhrasePolicy(minCoverage: 0.6, maxWordsForCoverage: 30, strongCuesToRemove: nil)
}
