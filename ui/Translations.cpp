#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

namespace fc {

QString installTranslations(const QLocale &locale)
{
    // Owned by the application, so that they live as long as it and a second call replaces them.
    static QTranslator *own = nullptr;
    static QTranslator *qt = nullptr;
    for (QTranslator **translator : {&own, &qt}) {
        if (*translator) {
            QCoreApplication::removeTranslator(*translator);
            delete *translator;
            *translator = nullptr;
        }
    }
    QString language = u"en"_s;
    auto *ownTranslator = new QTranslator(QCoreApplication::instance());
    if (ownTranslator->load(locale, u"flowconsole"_s, u"_"_s, u":/i18n"_s))
        language = ownTranslator->language().section(u'_', 0, 0);
    else if (!ownTranslator->load(u"flowconsole_en"_s, u":/i18n"_s)) {
        delete ownTranslator;
        ownTranslator = nullptr;
    }
    if (ownTranslator) {
        QCoreApplication::installTranslator(ownTranslator);
        own = ownTranslator;
    }
    if (language != "en"_L1) {
        auto *qtTranslator = new QTranslator(QCoreApplication::instance());
        if (qtTranslator->load(locale, u"qtbase"_s, u"_"_s,
                               QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qtTranslator);
            qt = qtTranslator;
        } else {
            delete qtTranslator;
        }
    }
    return language;
}

} // namespace fc
