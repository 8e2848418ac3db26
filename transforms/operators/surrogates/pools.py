"""The fixed name pools the ``surrogate`` operator draws from.

First and last names: hand-picked from the US Census Bureau's 1990 name frequency files
(``dist.female.first``, ``dist.male.first``, ``dist.all.last``, as shipped with the ``names`` package),
for a spread of cultures. Census data is a work of the US federal government and in the public domain
(17 U.S.C. 105); the ``names`` package that ships it is MIT-licensed, and only the data is used here.
``tests/transforms/operators/surrogates/test_pools.py`` checks every name against those files. Names that
are also common English words ("Will", "Hope", "Chin") are left out so a surrogate reads as a name.

Place words: ordinary English words and compounds used for street, town and organisation stems.

Changing a pool changes every surrogate drawn from it: treat that as an output change (new
scrubline version), like changing the operator itself.
"""

from __future__ import annotations

__all__ = ["FEMALE_FIRST_NAMES", "FIRST_NAMES", "LAST_NAMES", "MALE_FIRST_NAMES", "PLACE_WORDS"]

# Split by which census list gives the name the higher frequency, so a surrogate keeps the
# original's usual gender ("Emma ... she" stays coherent).
FEMALE_FIRST_NAMES: tuple[str, ...] = tuple(
    """
Abigail Ada Adele Adriana Agnes Aiko Aisha Akiko Alana Alina Alma Amelia Amina Ana Andrea Anh Anita Anja
Annika Astrid Ayana Beatrice Beatriz Bianca Brigitte Bronwyn Camila Carmen Catalina Cecilia Clara Constance
Dagmar Deja Dolores Edith Eileen Elena Elisa Esperanza Esther Farah Fatima Fiona Flora Francesca Frida Fumiko
Gloria Greta Guadalupe Gwen Hana Harriet Heidi Helga Hilda Huong Hyun Ilse Ines Ingrid Irene Irina Isabel Jin
Josefa Jovan Judith Kai Kamala Kathleen Keiko Kimiko Kira Laila Leila Lena Liliana Linh Louisa Lucia Magda
Margaret Margit Maria Marisol Marta Masako Mei Mila Min Mira Miriam Miyoko Nadia Nadine Naomi Natasha Ngoc
Nina Nora Olga Paola Pauline Petra Rhoda Rosa Rosalind Ruth Sachiko Sara Selma Sigrid Simone Siobhan Sofia
Sonia Svetlana Tamara Tamika Tatiana Thea Tomoko Ursula Valentina Vera Vivian Wanda Wei Wilma Xiao Yasmin
Yolanda Yuki Yuri Yvette Zelda Zoe Zora
""".split()
)

MALE_FIRST_NAMES: tuple[str, ...] = tuple(
    """
Abdul Ahmad Ahmed Albert Aldo Alejandro Ali Andres Anton Antonio Armando Arturo Augustine Aurelio Benito
Benjamin Bernardo Boris Bruno Calvin Carlos Dario Darius David Diego Douglas Eduardo Efrain Emil Emilio
Enrique Erik Esteban Eugene Felix Fernando Fidel Franklin Gabriel Gaston Gerald Giovanni Giuseppe Gustavo Hans
Harold Hassan Horacio Hugo Ignacio Irving Isaac Ivan Jae Jamal Javier Jerome Joaquin Jorge Juan Kenneth Leon
Leonard Lorenzo Luis Malik Manuel Marco Marvin Maximo Milan Mohammed Moises Nestor Norman Omar Oscar Otis Otto
Pablo Percy Pierre Quinn Rafael Ramon Randall Reinaldo Roland Salvador Santiago Stanley Stefan Sung Teodoro
Thanh Theo Theodore Tomas Vernon Wallace Xavier
""".split()
)

FIRST_NAMES: tuple[str, ...] = tuple(sorted(FEMALE_FIRST_NAMES + MALE_FIRST_NAMES))

LAST_NAMES: tuple[str, ...] = tuple(
    """
Abadi Abbott Adams Agarwal Aguilar Ahmed Albrecht Ali Alvarez Andersen Andersson Araujo Asante Baker Banda
Banerjee Becker Bennett Berg Bergstrom Bianchi Boateng Bogdan Brandt Calderon Campbell Cardoso Castillo Castro
Chan Chandra Chaudhry Chen Cho Choi Chowdhury Cohen Collins Costa Cruz Das Davies Delgado Diallo Diaz Doan
Dubois Duong Ekstrom Espinoza Esposito Evans Ferrari Ferreira Fischer Flores Fonseca Foster Franco Fujita
Gallagher Garcia Ghosh Goldberg Gomez Gonzalez Graham Greenberg Guerrero Gupta Guzman Haas Han Hansen Hassan
Hayashi Hernandez Hoang Hoffmann Horvath Huang Hughes Hussain Ibrahim Ivanov Iyer Janssen Jenkins Jensen
Johansson Kahn Kang Kaplan Kapoor Katz Kaur Keller Kennedy Khan Khoury Kim Kobayashi Koch Kovacs Kowalski
Krause Krueger Kumar Larsen Laurent Lawson Leblanc Lee Lehmann Levy Li Lim Lindgren Liu Lopez Luong Mahmoud
Malik Martinez Matsumoto Medina Mehta Meier Mendez Mensah Meyer Miller Morales Moreno Morgan Mori Murphy
Murray Nair Nakamura Navarro Nelson Nguyen Nielsen Novak Nunez Obi Ogawa Okada Okafor Olsen Ortiz Owens Owusu
Park Patel Pereira Perez Petersen Petrov Pham Price Quinn Qureshi Rahman Ramirez Ramos Reddy Reyes Reynolds
Richter Rios Rivera Romano Rossi Russo Saito Salazar Sanchez Santos Sato Schmidt Schneider Schultz Shah
Shapiro Sharma Silva Singh Soto Sullivan Suzuki Swanson Takahashi Tan Tanaka Thompson Torres Tran Truong
Vargas Vasquez Vogel Vu Wagner Walsh Wang Ward Weber Weiss Wong Wu Xu Yamada Yamamoto Yang Yoshida Zhang Zhao
Zimmermann
""".split()
)

PLACE_WORDS: tuple[str, ...] = tuple(
    """
Alder Ashbury Ashford Aspen Beechwood Birchfield Bramble Briarwood Brookfield Cedarbrook Clearwater Crestview
Deerfield Eastwood Edgewater Elmwood Fairmont Fairview Ferndale Foxhill Glenbrook Glenwood Greenfield
Hawthorne Hazelwood Heather Highland Hillcrest Juniper Kestrel Kingsbrook Lakeside Larkspur Laurel Linden
Maplewood Meadowbank Millbrook Mossley Newhaven Northfield Northgate Oakdale Oakridge Orchard Parkside Pebble
Pinehurst Queensbury Redfield Ridgeway Riverside Rosewood Rowan Sandown Sherwood Silverton Southgate
Springvale Stonebridge Summit Sycamore Tamarack Thornbury Timber Upton Valleyview Walnut Waterford Westbury
Westfield Whitfield Willowdale Woodland Wyndham Yarrow
""".split()
)
